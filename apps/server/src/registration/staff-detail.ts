import type { Conn } from '../db/client.js';
import { decryptField } from '../crypto/pii.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import { listAttachments } from '../portal/attachments.js';
import { maskPhone } from '../notifications/sms.js';
import {
  findRegistryFacts,
  findRegistryRelatives,
  type RegistryFacts as RegistryPerson,
} from '../registry/family-repo.js';
import { listHistory, type RegistrationRow } from './repo.js';
import type { StaffRegistrationDetail } from '@cradle/contract';
import { childView, personView, staffFieldsOf } from './views.js';

/** What the registry holds now for each declared ID number, and whose records those are (for the audit entry that shows them). */
export interface RegistryMatches {
  matches: StaffRegistrationDetail['registryMatches'];
  /** The matched parents and their children: every registry person whose data the detail shows. */
  personIds: number[];
}

/** Looked up by blind index wherever registered: the worker settles the conflicts against it. */
export async function readRegistryMatches(
  tx: Conn,
  deps: FamilyServiceDeps,
  r: RegistrationRow,
  today: string,
): Promise<RegistryMatches> {
  const { regions } = deps;
  const blinds = [r.motherIdBlindIndex, r.fatherIdBlindIndex].filter((b): b is Buffer => b !== null);
  const persons = await findRegistryFacts(tx, blinds);
  const children = (
    await findRegistryRelatives(
      tx,
      persons.map((p) => p.personId),
    )
  ).filter((c) => c.relation === 'child');
  const match = (blind: Buffer) => {
    const p: RegistryPerson | undefined = persons.find((x) => x.blind.equals(blind));
    if (!p)
      return {
        known: false,
        personId: null,
        name: null,
        sex: null,
        age: null,
        idMasked: null,
        hukouRegion: null,
        residenceRegion: null,
        children: [],
      };
    return {
      known: true,
      ...personView(regions, p, today),
      children: children.filter((c) => c.ofPersonId === p.personId).map((c) => childView(c, today)),
    };
  };
  return {
    matches: { mother: match(r.motherIdBlindIndex), father: r.fatherIdBlindIndex ? match(r.fatherIdBlindIndex) : null },
    personIds: [...new Set([...persons, ...children].map((p) => p.personId))].sort((a, b) => a - b),
  };
}

/**
 * A registration as the township worker sees it: the family's declarations, the conflicts found
 * at submission, what the registry holds now for each declared ID number (read first, so the
 * caller's audit entry can name those persons), the files, and what happened so far.
 */
export async function staffDetailOf(
  tx: Conn,
  deps: FamilyServiceDeps,
  r: RegistrationRow,
  today: string,
  registry: RegistryMatches,
): Promise<StaffRegistrationDetail> {
  const { regions } = deps;
  const phones = r.phonesCipher
    ? (JSON.parse(decryptField(deps.keys.piiEncryption, 'registrationPhones', r.phonesCipher)) as {
        mother?: string;
        father?: string;
      })
    : {};
  const history = await listHistory(tx, r.id);
  return {
    ...staffFieldsOf(regions, r, today, await listAttachments(tx, 'childbirthRegistration', r.id)),
    // The worker sees the last request even after the family answered; the family's view drops it.
    infoRequest: r.infoRequest,
    channel: r.channel,
    phonesMasked: {
      mother: phones.mother ? maskPhone(phones.mother) : null,
      father: phones.father ? maskPhone(phones.father) : null,
    },
    conflicts: r.conflicts,
    registryMatches: registry.matches,
    workerNote: r.workerNote,
    completedByName: r.completedByName,
    history: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      action: h.action,
      actor: h.username,
      message: typeof h.details?.message === 'string' ? h.details.message : null,
    })),
  };
}
