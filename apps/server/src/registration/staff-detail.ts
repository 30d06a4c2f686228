import type { Conn } from '../db/client.js';
import { decryptField } from '../crypto/pii.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import { listAttachments } from '../portal/index.js';
import { maskPhone } from '../notifications/index.js';
import { listHistory, type RegistrationRow } from './repo.js';
import type { StaffRegistrationDetail } from '@cradle/contract';
import type { RegistryMatches } from './registry-matches.js';
import { staffFieldsOf } from './views.js';

/**
 * A registration as the township worker sees it: the family's declarations, the conflicts found
 * at submission and what the registry holds now for each declared ID number, both as far as the
 * worker's jurisdiction holds the records (read first, so the caller's audit entry can name them), the files, and what happened so far.
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
    conflicts: registry.conflicts,
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
