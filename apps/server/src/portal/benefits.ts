import {
  BUILT_IN_SCHEMES,
  checkEligibility,
  chinaDateOf,
  periodOn,
  withApplicationFacts,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { openApplicationFacts, beneficiaryFacts, publishedOverrides } from '../benefits/index.js';
import { findRegistryRelatives } from '../registry/index.js';
import { withResident } from './scope.js';
import { residentActor } from './service.js';
import type { SessionResident } from './session.js';

const appliesTo = (s: SchemeDefinition, hukou: string) => s.beneficiary === 'child' && hukou.startsWith(s.regionCode);

/**
 * The family's side of eligibility (issue 3: "the same trace is shown to staff and, in plain
 * words, to the family"): for each child of the bound resident, every scheme of the child's hukou
 * region, this period, with the trace whose rules are written in plain words. The child's facts
 * and the published amounts are read in the scope of the child's hukou county, as a caseworker
 * there would read them; the resident never names a person, only their own registry children.
 */
export async function familyEligibility(
  database: Database,
  resident: SessionResident,
  clientIp: string,
  now = new Date(),
) {
  if (resident.personId === null) return [];
  const parentId = resident.personId;
  const children = (await withResident(database, resident.id, (tx) => findRegistryRelatives(tx, [parentId]))).filter(
    (r) => r.relation === 'child' && r.deathDate === null,
  );
  const today = chinaDateOf(now);
  const out = [];
  for (const child of children) {
    const county = child.hukouRegionCode.slice(0, 6);
    const schemes = BUILT_IN_SCHEMES.filter((s) => appliesTo(s, child.hukouRegionCode));
    const results = await withScope(database, { jurisdictionCode: county }, async (tx) => {
      const registry = await beneficiaryFacts(tx, child.personId);
      if (!registry) return [];
      const list = [];
      for (const scheme of schemes) {
        const facts = withApplicationFacts(registry, await openApplicationFacts(tx, scheme.code, child.personId));
        const e = checkEligibility(
          scheme,
          facts,
          periodOn(scheme.frequency, today),
          await publishedOverrides(tx, scheme.code),
        );
        list.push({
          schemeCode: scheme.code,
          name: scheme.name,
          proactive: scheme.proactive,
          period: e.period,
          eligible: e.eligible,
          amountFen: e.amount,
          trace: e.trace,
        });
      }
      await appendAudit(tx, {
        ...residentActor(resident.id, clientIp, child.hukouRegionCode),
        action: 'portal.viewEligibility',
        targetType: 'person',
        targetId: String(child.personId),
        outcome: 'success',
      });
      return list;
    });
    out.push({ child: { personId: child.personId, name: child.name, idMasked: child.idMasked }, schemes: results });
  }
  return out;
}
