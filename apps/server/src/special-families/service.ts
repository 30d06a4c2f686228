import { DEFAULT_VISIT_INTERVAL_MONTHS, isVisitInterval, VISIT_INTERVAL_READING } from '@cradle/domain';
import type { VisitSettings } from '@cradle/contract';
import type { Database } from '../db/client.js';
import type { Pii } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import { audit, createContext, type Actor } from './context.js';
import { createDecisions } from './decisions.js';
import { createEdits } from './edits.js';
import { specialFamilyError } from './errors.js';
import { createProposal } from './propose.js';
import { createReads } from './reads.js';
import { createRecords } from './records.js';
import * as repo from './repo.js';

export type { Actor } from './context.js';

/**
 * The special-family register (issue 16; REQUIREMENTS C4): a township worker proposes a file with
 * its two contacts, a county officer who did not propose it confirms or rejects it (four eyes),
 * contacts record visits and services, and every read is audited as a person's view is. Each part
 * lives in its own file; this one puts them together with the visit interval setting.
 */
export function createSpecialFamilyService(database: Database, pii: Pii, now: () => Date) {
  const ctx = createContext(database, pii, now);
  const { scoped } = ctx;
  const proposal = createProposal(ctx);
  return {
    propose: proposal.propose,
    ...createEdits(ctx, proposal),
    ...createDecisions(ctx),
    ...createReads(ctx),
    ...createRecords(ctx),

    settings: (a: Actor): Promise<VisitSettings> =>
      scoped(a, async (tx) => {
        const s = await repo.findVisitInterval(tx, a.user.jurisdictionCode);
        return {
          jurisdictionCode: s?.jurisdictionCode ?? a.user.jurisdictionCode,
          visitIntervalMonths: s?.months ?? DEFAULT_VISIT_INTERVAL_MONTHS,
          isDefault: s === null,
          reading: VISIT_INTERVAL_READING.zh,
        };
      }),

    async setSettings(a: Actor, months: number): Promise<VisitSettings> {
      if (!isVisitInterval(months)) throw specialFamilyError('specialFamily.visitInterval');
      await scoped(a, async (tx) => {
        await repo.upsertVisitInterval(tx, a.user.jurisdictionCode, months, {
          id: a.user.id,
          name: a.user.displayName,
        });
        await appendAudit(tx, {
          ...audit(a, 'specialFamily.setVisitInterval', null, { months }),
          targetType: 'setting',
        });
      });
      return this.settings(a);
    },
  };
}

export type SpecialFamilyService = ReturnType<typeof createSpecialFamilyService>;
