import { plansGoverning, type Plan } from '@cradle/domain';
import type { Database } from '../db/client.js';

/**
 * The one list of plans the scorecard reads: the built-in plans (domain plans/) governing a region,
 * its own and those above it. County-drafted plans (plans-*) join here, so the function takes the
 * database and is async already.
 */
export function listPlans(_database: Database, regionCode: string): Promise<Plan[]> {
  return Promise.resolve(plansGoverning(regionCode));
}
