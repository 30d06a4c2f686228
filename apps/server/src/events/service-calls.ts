import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { ServiceAccount } from './service-accounts.js';

/** Every call is audited, the service account as its actor; a refused token too. */
export async function auditCall(
  database: Database,
  a: ServiceAccount | null,
  clientIp: string,
  outcome: 'success' | 'failure' | 'denied',
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(database, {
    userId: null,
    username: a ? `serviceAccount:${a.name}` : null,
    jurisdictionCode: a?.jurisdictionCode ?? null,
    clientIp,
    action: 'lifeEvent.apiCall',
    targetType: 'serviceAccount',
    targetId: a ? String(a.id) : null,
    outcome,
    details,
  });
}
