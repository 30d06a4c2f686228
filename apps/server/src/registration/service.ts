import type { FamilyServiceDeps } from '../family-deps.js';
import type { ReceiptPayload, VerifiedRecord } from '../receipts/index.js';
import { createPortalRegistrationService } from './portal-service.js';
import { verifiedRegistration } from './receipt.js';
import { findRegistrationByNumber } from './repo.js';
import { createStaffRegistrationService } from './staff-service.js';

/**
 * 生育登记 (`childbirthRegistration`, issue 4): the family registers by commitment in the portal;
 * the township worker of the place it lives completes it within 3 working days, and the family
 * gets a receipt anyone can verify. `now` is a parameter so tests can stand on any day.
 */
export function createRegistrationService(deps: FamilyServiceDeps, now: () => Date = () => new Date()) {
  return {
    portal: createPortalRegistrationService(deps, now),
    staff: createStaffRegistrationService(deps, now),

    /** The receipt verifier's look-up. On the owner connection: whoever holds a signed token may check it, signed in or not. */
    async verify(payload: ReceiptPayload): Promise<VerifiedRecord | null> {
      const row = await findRegistrationByNumber(deps.database, payload.number);
      return row && verifiedRegistration(deps.regions, row, payload.digest);
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
