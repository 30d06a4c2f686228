import type { TakeUpRate } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { BenefitsError } from './errors.js';
import { upsertTakeUpRate } from './take-up-repo.js';
import { auditOf, getScheme, type Actor } from './versions-service.js';

/**
 * A county administrator sets the take-up rate the budget expects for a scheme paid on
 * application (issue 12). Rates are per county, as versions are; the change is audited with
 * the rate it replaced.
 */
export async function setTakeUpRate(
  database: Database,
  a: Actor,
  code: string,
  body: { basisPoints: number; basis: string },
): Promise<TakeUpRate> {
  const scheme = getScheme(code);
  if (scheme.proactive) throw BenefitsError('takeUp.proactive');
  const county = a.user.jurisdictionCode;
  if (county.length !== 6) throw BenefitsError('takeUp.countyOnly');
  const basis = body.basis.trim();
  if (basis === '') throw BenefitsError('takeUp.basisRequired');
  return withScope(database, { jurisdictionCode: county }, async (tx) => {
    const { now, before } = await upsertTakeUpRate(tx, scheme.code, county, {
      basisPoints: body.basisPoints,
      basis,
      setBy: a.user.id,
      setByName: a.user.displayName,
    });
    await appendAudit(
      tx,
      auditOf(a, 'benefits.takeUpRateSet', 'scheme', scheme.code, {
        scheme: scheme.code,
        jurisdiction: county,
        fromBasisPoints: before,
        toBasisPoints: now.basisPoints,
        basis,
      }),
    );
    return { ...now, isDefault: false, setAt: now.setAt.toISOString() };
  });
}
