import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import { listUnits } from '../supervision/index.js';

/** The county's unit directory (supervision) as the choices an item may be assigned to. */
export function unitChoices(database: Database) {
  return (user: SessionUser) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, async (tx) =>
      (await listUnits(tx)).map((u) => ({ key: u.key, name: u.name })),
    );
}
