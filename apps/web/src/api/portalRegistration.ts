import { portalRoutes as r, type AttachmentInfo, type ChildbirthRegistrationBody } from '@cradle/contract';
import { portal } from './client';

export const fetchRegistrationPrefill = (signal?: AbortSignal) => portal.call(r.prefill, {}, { signal });

export const submitRegistration = (body: ChildbirthRegistrationBody) => portal.call(r.submitRegistration, { body });

/** Newest first. */
export const fetchMyRegistrations = (signal?: AbortSignal) => portal.call(r.registrations, {}, { signal });

export const fetchMyRegistration = (id: number, signal?: AbortSignal) =>
  portal.call(r.registration, { params: { id } }, { signal });

/** Answers a request for more information (files are attached to the registration first). */
export const replyToInfoRequest = (id: number, message: string) =>
  portal.call(r.reply, { params: { id }, body: { message } });

export async function downloadRegistrationReceipt(id: number): Promise<Blob> {
  const { blob } = await portal.download('GET', `/api/portal/childbirth-registrations/${id}/receipt.pdf`);
  return blob;
}

export type AttachmentOwner = { kind: 'childbirthRegistration' | 'newbornBundle'; id: number };

/** A PDF, JPEG or PNG of at most 5 MiB, attached to one of the family's applications. */
export function uploadAttachment(owner: AttachmentOwner, file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  // The server reads the fields before the file: they must come first.
  form.append('ownerKind', owner.kind);
  form.append('ownerId', String(owner.id));
  form.append('file', file);
  return portal.request<AttachmentInfo>('POST', '/api/portal/attachments', form);
}

export const verifyReceipt = (token: string, signal?: AbortSignal) =>
  portal.call(r.verifyReceipt, { params: { '*': token } }, { signal });
