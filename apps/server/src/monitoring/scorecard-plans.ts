import type { Plan } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { listPlans as governingPlans } from './plans-repo.js';

/**
 * The plans a region's scorecard can show: the built-in plans governing it and the county plans in
 * force for it and the regions above (plans-repo.ts). Plans hold no person, so the owner
 * connection reads them; the region filter is the jurisdiction.
 */
export function listPlans(database: Database, regionCode: string): Promise<Plan[]> {
  return governingPlans(database, regionCode);
}
