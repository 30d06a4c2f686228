import type {
  AttachmentInfo,
  ChildbirthPrefill,
  ChildbirthRegistrationBody,
  PortalRegistrationDetail,
  ReceiptVerification,
  RegistrationSummary,
} from '@cradle/contract';
import { portalApi } from './portalClient';

const BASE = '/api/portal/childbirth-registrations';

export function fetchRegistrationPrefill(signal?: AbortSignal): Promise<ChildbirthPrefill> {
  return portalApi.get<ChildbirthPrefill>(`${BASE}/prefill`, signal);
}

export function submitRegistration(body: ChildbirthRegistrationBody): Promise<PortalRegistrationDetail> {
  return portalApi.post<PortalRegistrationDetail>(BASE, body);
}

/** Newest first. */
export function fetchMyRegistrations(signal?: AbortSignal): Promise<RegistrationSummary[]> {
  return portalApi.get<RegistrationSummary[]>(BASE, signal);
}

export function fetchMyRegistration(id: number, signal?: AbortSignal): Promise<PortalRegistrationDetail> {
  return portalApi.get<PortalRegistrationDetail>(`${BASE}/${id}`, signal);
}

/** Answers a request for more information (files are attached to the registration first). */
export function replyToInfoRequest(id: number, message: string): Promise<PortalRegistrationDetail> {
  return portalApi.post<PortalRegistrationDetail>(`${BASE}/${id}/reply`, { message });
}

export function downloadRegistrationReceipt(id: number): Promise<Blob> {
  return portalApi.download(`${BASE}/${id}/receipt.pdf`);
}

export type AttachmentOwner = { kind: 'childbirthRegistration' | 'newbornBundle'; id: number };

/** A PDF, JPEG or PNG of at most 5 MiB, attached to one of the family's applications. */
export function uploadAttachment(owner: AttachmentOwner, file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  // The server reads the fields before the file: they must come first.
  form.append('ownerKind', owner.kind);
  form.append('ownerId', String(owner.id));
  form.append('file', file);
  return portalApi.upload<AttachmentInfo>('/api/portal/attachments', form);
}

export function verifyReceipt(token: string, signal?: AbortSignal): Promise<ReceiptVerification> {
  return portalApi.get<ReceiptVerification>(`/api/receipts/verify/${encodeURIComponent(token)}`, signal);
}
