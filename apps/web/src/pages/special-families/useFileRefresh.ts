import type { SpecialFamilyFileDetail } from '@cradle/contract';
import { useQueryClient } from '@tanstack/react-query';

export type File = SpecialFamilyFileDetail;

/** After a write: the file and the list read again. */
export function useFileRefresh(id: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['fetchSpecialFamily', id] });
    void client.invalidateQueries({ queryKey: ['fetchSpecialFamilies'] });
  };
}

/** Contacts and the township record visits and services (a county officer reads them). */
export const mayRecord = (roles: readonly string[]) =>
  roles.includes('townshipWorker') || roles.includes('villageWorker');

/** The township or the county change contacts and needs while a file is proposed or confirmed. */
export const mayEdit = (roles: readonly string[], file: File) =>
  (roles.includes('townshipWorker') || roles.includes('countyAdmin')) &&
  (file.status === 'proposed' || file.status === 'confirmed');
