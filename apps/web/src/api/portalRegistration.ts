import type { ChildStatus, RegistrationSummary as StaffRegistrationSummary } from './familyTypes';
import { portalApi } from './portalClient';
import type { Sex } from './types';

// Mirrors apps/server/src/registration/schemas.ts (the portal's side).

export type { ChildStatus, Sex };
export type { DeadlineState, RegistrationStatus } from './familyTypes';

export type DeclaredParent = { name: string; idNumber: string; phone?: string | null };
export type RegistryParent = { personId: number };
export type ParentInput = DeclaredParent | RegistryParent;

export type ChildbirthRegistrationBody = {
  mother: ParentInput;
  father: ParentInput | null;
  married: boolean;
  residenceRegionCode: string;
  childStatus: ChildStatus;
  expectedBirthDate?: string | null;
  child?: { name: string; sex: Sex; birthDate: string } | null;
  commitment: { accepted: boolean; statement: string };
};

export type PrefillPerson = {
  personId: number;
  name: string;
  idMasked: string;
  sex: Sex;
  age: number;
  hukouRegion: string;
  residenceRegion: string;
};

export type ChildbirthPrefill = {
  /** false: the account is not linked to a registry person; everything else is null or empty. */
  bound: boolean;
  mother: PrefillPerson | null;
  father: PrefillPerson | null;
  /** The registry links a spouse: a suggestion for `married`, which the family states. */
  registrySpouse: boolean;
  children: { name: string; sex: Sex; age: number }[];
  /** 孩次 of a new child as the registry computes it. */
  parity: number | null;
  residenceRegionCode: string | null;
  residenceRegion: string | null;
};

export type AttachmentInfo = {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

/** The staff's summary, but parity may not be known yet. */
export type RegistrationSummary = Omit<StaffRegistrationSummary, 'parity'> & {
  /**
   * 孩次 from the registry, only when the parents are the bound resident and their registry
   * spouse (picked from the prefill), or once completed; null otherwise: the township confirms it.
   */
  parity: number | null;
};

export type PortalRegistrationDetail = RegistrationSummary & {
  married: boolean;
  mother: { name: string; idMasked: string };
  father: { name: string; idMasked: string } | null;
  expectedBirthDate: string | null;
  child: { name: string; sex: Sex; birthDate: string } | null;
  commitmentStatement: string;
  attachments: AttachmentInfo[];
};

export type ReceiptVerification = {
  valid: boolean;
  kind?: string;
  number?: string;
  issuedAt?: string;
  issuer?: string;
  summary?: { motherName: string; parity: number; childStatus: ChildStatus; region: string };
  /** The record as stored now still has the content the receipt was issued with. */
  contentMatches?: boolean;
};

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
