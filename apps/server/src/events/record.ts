import {
  checkLifeEvent,
  isWithinJurisdiction,
  mayRecordMaternal,
  normalizeIdNumber,
  parseIdNumber,
  type LifeEventKind,
} from '@cradle/domain';
import { queueWarningEvaluation } from '../monitoring/index.js';
import type { LifeEventInput } from '@cradle/contract';
import type { Conn } from '../db/client.js';
import type { Pii } from '../crypto/pii.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/index.js';
import { findRegistryFacts } from '../registry/index.js';
import { eventError } from './errors.js';
import {
  findByReference,
  findResident,
  insertEvent,
  insertRegistryEvent,
  linkSpouses,
  moveResidence,
  setDeathDate,
} from './repo.js';

/** Who sends an event, and what they may send (a form's operator, a file's, a service account). */
export interface EventSender {
  channel: 'form' | 'import' | 'api';
  /** The idempotence key's first half: `dept:<department>:<jurisdiction>` or `serviceAccount:<id>`. */
  sender: string;
  department: string;
  kinds: readonly LifeEventKind[];
  jurisdictionCode: string;
  importJobId?: number | null;
  serviceAccountId?: number | null;
  userId: number | null;
  /** The audit's actor name (a user's username, or `serviceAccount:<name>`). */
  username: string;
  recordedByName: string;
  clientIp: string | null;
}

/** A form's and a file's sender: the operator's department in the operator's jurisdiction. */
export const departmentSender = (department: string, jurisdictionCode: string) =>
  `dept:${department}:${jurisdictionCode}`;

const REGISTRY_EVENT_KIND: Record<LifeEventKind, string> = {
  death: 'death',
  moveIn: 'moved',
  moveOut: 'moved',
  marriage: 'married',
};

function idNumberOf(raw: string, field: string): string {
  const parsed = parseIdNumber(normalizeIdNumber(raw));
  if (!parsed.ok) throw eventError('lifeEvent.badIdNumber', { field });
  return parsed.value.idNumber;
}

/**
 * Applies one event in the caller's scoped transaction (issue 13): the life_events row, the
 * registry's change (death date, residence), a registry_events row and the audit entry, so all
 * of it commits or none does. The same (sender, reference) again answers the first event. Throws
 * an AppError for every refusal, before anything is written.
 */
export async function recordEvent(
  tx: Conn,
  pii: Pii,
  from: EventSender,
  input: LifeEventInput,
  today: string,
): Promise<{ eventId: number; duplicate: boolean }> {
  const first = await findByReference(tx, from.sender, input.reference);
  if (first !== null) return { eventId: first, duplicate: true };
  if (!from.kinds.includes(input.kind)) throw eventError('lifeEvent.kindNotYours', { kind: input.kind });
  const maternal = input.kind === 'death' ? (input.maternal ?? false) : null;
  if (maternal && !mayRecordMaternal(from.department)) throw eventError('lifeEvent.maternalNotYours');
  const missing = requiredMissing(input);
  if (missing.length > 0) throw eventError('lifeEvent.missingField', { fields: missing });
  if (input.kind === 'moveIn' && !isWithinJurisdiction(input.newResidenceCode!, from.jurisdictionCode))
    throw eventError('lifeEvent.outsideJurisdiction');

  const blind = pii.idBlindIndex(idNumberOf(input.idNumber, 'idNumber'));
  // A move in brings someone from elsewhere: found wherever the deployment registers them. Every
  // other event is about a person living in the jurisdiction (and locks their row: one death).
  const person =
    input.kind === 'moveIn' ? ((await findRegistryFacts(tx, [blind]))[0] ?? null) : await findResident(tx, blind);
  if (!person)
    throw eventError(input.kind === 'moveIn' ? 'lifeEvent.unknownPersonAnywhere' : 'lifeEvent.unknownPerson');
  // Waiting for that lock, a request with the same reference may have committed its event: answer it.
  const meanwhile = await findByReference(tx, from.sender, input.reference);
  if (meanwhile !== null) return { eventId: meanwhile, duplicate: true };
  const broken = checkLifeEvent({ ...input, maternal }, person, today);
  if (broken) throw new AppError(broken.code, 400, broken.message, { field: broken.field });

  let spousePersonId: number | null = null;
  if (input.kind === 'marriage' && input.spouseIdNumber) {
    const spouseBlind = pii.idBlindIndex(idNumberOf(input.spouseIdNumber, 'spouseIdNumber'));
    spousePersonId = (await findRegistryFacts(tx, [spouseBlind]))[0]?.personId ?? null;
  }
  // Where the event belongs: the residence where it happened (a move in: the new one).
  const regionCode = input.kind === 'moveIn' ? input.newResidenceCode! : person.residenceRegionCode;
  const eventId = await insertEvent(tx, {
    kind: input.kind,
    personId: person.personId,
    regionCode,
    eventDate: input.eventDate,
    deathPlace: input.kind === 'death' ? (input.deathPlace ?? null) : null,
    causeCategory: input.kind === 'death' ? (input.causeCategory ?? null) : null,
    maternal,
    otherRegionCode: isMove(input.kind) ? (input.otherRegionCode ?? null) : null,
    otherRegionName: isMove(input.kind) ? (input.otherRegionName ?? null) : null,
    spousePersonId,
    channel: from.channel,
    sender: from.sender,
    senderReference: input.reference,
    importJobId: from.importJobId ?? null,
    serviceAccountId: from.serviceAccountId ?? null,
    recordedBy: from.userId,
    recordedByName: from.recordedByName,
  });
  if (input.kind === 'death') await setDeathDate(tx, person.personId, input.eventDate);
  else if (input.kind === 'moveOut') await moveResidence(tx, person.personId, 'moveOut', input.otherRegionCode!);
  else if (input.kind === 'moveIn') await moveResidence(tx, person.personId, 'moveIn', input.newResidenceCode!);
  // The one kind left is a marriage.
  else if (spousePersonId !== null && spousePersonId !== person.personId)
    await linkSpouses(tx, person.personId, spousePersonId, regionCode);
  await insertRegistryEvent(tx, REGISTRY_EVENT_KIND[input.kind], person.personId, regionCode, {
    lifeEventId: eventId,
    kind: input.kind,
    eventDate: input.eventDate,
    ...(isMove(input.kind) ? { from: person.residenceRegionCode, to: moveTo(input) } : {}),
  });
  await appendAudit(tx, {
    userId: from.userId,
    username: from.username,
    jurisdictionCode: from.jurisdictionCode,
    clientIp: from.clientIp,
    action: 'lifeEvent.record',
    targetType: 'person',
    targetId: String(person.personId),
    outcome: 'success',
    details: { eventId, kind: input.kind, channel: from.channel, sender: from.sender, maternal },
  });
  // The early warnings look again within a minute (the runner's sweep, or the caller's kick); an
  // import queues one evaluation when its file is done instead of one per row.
  if (from.channel !== 'import') await queueWarningEvaluation(tx, regionCode);
  return { eventId, duplicate: false };
}

const isMove = (k: LifeEventKind) => k === 'moveIn' || k === 'moveOut';
const moveTo = (input: LifeEventInput) =>
  input.kind === 'moveIn' ? input.newResidenceCode! : (input.otherRegionCode ?? null);

/** The fields each kind needs beyond the common ones (the rules in checkLifeEvent say the rest). */
function requiredMissing(input: LifeEventInput): string[] {
  const need: Partial<Record<LifeEventKind, (keyof LifeEventInput)[]>> = {
    death: ['deathPlace', 'causeCategory'],
    moveIn: ['newResidenceCode'],
  };
  return (need[input.kind] ?? []).filter((f) => input[f] === undefined || input[f] === null || input[f] === '');
}
