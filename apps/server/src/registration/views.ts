import { ageOn, deadlineState } from '@cradle/domain';
import type { RegionService } from '../regions/service.js';
import type { RegistryFacts as RegistryPerson, RegistryRelative } from '../registry/family-repo.js';
import type { AttachmentInfo } from '../portal/attachments.js';
import type { RegistrationRow } from './repo.js';
import type { PortalRegistrationDetail, RegistrationQueueItem, RegistrationSummary } from '@cradle/contract';

// How a stored registration is shown: to its family (its own declarations, masked) and to staff.

export const regionLabel = (regions: RegionService, code: string) =>
  regions
    .path(code)
    .map((r) => r.name)
    .join('');

/** A registration's own fields, as both sides see them; each side adds its parity. */
function ownFields(regions: RegionService, r: RegistrationRow, today: string) {
  return {
    id: r.id,
    registrationNo: r.registrationNo,
    status: r.status,
    childStatus: r.childStatus,
    regionCode: r.regionCode,
    region: regionLabel(regions, r.regionCode),
    motherName: r.motherName,
    motherIdMasked: r.motherIdMasked,
    submittedAt: r.submittedAt.toISOString(),
    deadline: r.deadline,
    // The clock runs only while the township has it: not while the family is asked for more.
    deadlineState: r.status === 'submitted' ? deadlineState(r.deadline, today) : null,
    completedAt: r.completedAt?.toISOString() ?? null,
    infoRequest: r.status === 'infoRequested' ? r.infoRequest : null,
    receiptAvailable: r.status === 'completed' && r.receiptDigest !== null,
  };
}

/**
 * The parity the family may see: computed from the registry, so only when every parent is
 * someone whose registry record the prefill already shows this resident (themselves, the spouse
 * the registry links to them), or once the township completed it (its receipt prints it).
 * Otherwise an ID number typed by a stranger would tell them how many children its holder has.
 */
export function familyParity(r: RegistrationRow, family: ReadonlySet<number>): number | null {
  const ours = (personId: number | null) => personId !== null && family.has(personId);
  const fromPrefill = ours(r.motherPersonId) && (r.fatherIdBlindIndex === null || ours(r.fatherPersonId));
  return fromPrefill || r.status === 'completed' ? r.parity : null;
}

export function summaryOf(
  regions: RegionService,
  r: RegistrationRow,
  today: string,
  family: ReadonlySet<number>,
): RegistrationSummary {
  return { ...ownFields(regions, r, today), parity: familyParity(r, family) };
}

export function queueItemOf(regions: RegionService, r: RegistrationRow, today: string): RegistrationQueueItem {
  return { ...ownFields(regions, r, today), parity: r.parity, conflictCount: r.conflicts.length, channel: r.channel };
}

/** The family's declarations as stored (ID numbers masked), and the files. */
export function declarationsOf(r: RegistrationRow, attachments: AttachmentInfo[]) {
  return {
    married: r.married,
    mother: { name: r.motherName, idMasked: r.motherIdMasked },
    father: r.fatherName === null ? null : { name: r.fatherName, idMasked: r.fatherIdMasked ?? '' },
    expectedBirthDate: r.expectedBirthDate,
    child: r.childName === null ? null : { name: r.childName, sex: r.childSex!, birthDate: r.childBirthDate! },
    commitmentStatement: r.commitmentText,
    attachments,
  };
}

export function portalDetailOf(
  regions: RegionService,
  r: RegistrationRow,
  today: string,
  attachments: AttachmentInfo[],
  family: ReadonlySet<number>,
): PortalRegistrationDetail {
  return { ...summaryOf(regions, r, today, family), ...declarationsOf(r, attachments) };
}

/** What the township worker sees of the registration itself: the computed parity always. */
export function staffFieldsOf(
  regions: RegionService,
  r: RegistrationRow,
  today: string,
  attachments: AttachmentInfo[],
) {
  return { ...ownFields(regions, r, today), parity: r.parity, ...declarationsOf(r, attachments) };
}

/** A registry person as the prefill and the worker's registry match show them: age, never the birth date. */
export function personView(regions: RegionService, p: RegistryPerson | RegistryRelative, today: string) {
  return {
    personId: p.personId,
    name: p.name,
    idMasked: p.idMasked,
    sex: p.sex,
    age: ageOn(p.birthDate, today),
    hukouRegion: regionLabel(regions, p.hukouRegionCode),
    residenceRegion: regionLabel(regions, p.residenceRegionCode),
  };
}

export const childView = (c: RegistryRelative, today: string) => ({
  name: c.name,
  sex: c.sex,
  age: ageOn(c.birthDate, today),
});
