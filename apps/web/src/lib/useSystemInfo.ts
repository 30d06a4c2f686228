import type { SystemInfo } from '@cradle/contract';
import { useQuery } from '@tanstack/react-query';
import { fetchSystemInfo } from '../api/auth';

/** The deployment's facts, asked for once: they do not change under us (a failure is asked again next time). */
export function useSystemInfo(): SystemInfo | undefined {
  return useQuery({
    queryKey: ['fetchSystemInfo'],
    queryFn: ({ signal }) => fetchSystemInfo(signal),
    staleTime: Infinity,
  }).data;
}
