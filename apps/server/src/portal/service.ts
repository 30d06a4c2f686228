import { ageOn, chinaDateOf } from '@cradle/domain';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField, encryptField } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import type { RegionService } from '../regions/index.js';
import {
  findRegistryFacts,
  findRegistryRelatives,
  type RegistryFacts,
  type RegistryRelative,
} from '../registry/index.js';
import { findBindablePerson } from './binding.js';
import { portalError } from './errors.js';
import { normalizePhone, phoneBlindIndex, type IdentityProvider } from './identity.js';
import type { FamilyMember, ResidentMe } from '@cradle/contract';
import { AppError } from '../errors.js';
import {
  bindResident,
  deleteResidentSession,
  findAuditRegion,
  findResidentPerson,
  getResidentPhoneCipher,
  upsertResident,
} from './repo.js';
import { withResident } from './scope.js';
import { createResidentSession, type SessionResident } from './session.js';
import { maskPhone } from '../notifications/index.js';

/** How a resident appears in the audit log: no user account, so a name of its own. */
export const residentActor = (residentId: number, clientIp: string | null, jurisdictionCode: string | null = null) => ({
  userId: null,
  username: `resident:${residentId}`,
  jurisdictionCode,
  clientIp,
});

export function createPortalService(
  database: Database,
  keys: Keys,
  provider: IdentityProvider,
  regions: RegionService,
  scopeCode: string,
) {
  // Sign-ins and bindings are audited under the bound person's residence, else the deployment's
  // scope: a resident has no jurisdiction, but the county's administrators must see the failures.
  const auditRegion = async (by: Parameters<typeof findAuditRegion>[1]) =>
    (await findAuditRegion(database, by)) ?? scopeCode;

  const regionLabel = (code: string) =>
    regions
      .path(code)
      .map((r) => r.name)
      .join('');

  const member = (p: RegistryFacts | RegistryRelative, self: boolean, today: string): FamilyMember => ({
    personId: p.personId,
    name: p.name,
    sex: p.sex,
    birthDate: self ? p.birthDate : null,
    age: ageOn(p.birthDate, today),
    idMasked: p.idMasked,
    deceased: p.deathDate !== null,
    hukouRegion: regionLabel(p.hukouRegionCode),
    residenceRegion: regionLabel(p.residenceRegionCode),
  });

  return {
    provider,

    async requestCode(phone: string, clientIp: string): Promise<void> {
      await provider.start(phone, clientIp);
    },

    async signIn(rawPhone: string, code: string, clientIp: string) {
      const phone = normalizePhone(rawPhone);
      const blind = phoneBlindIndex(keys, phone);
      let identity;
      try {
        identity = await provider.finish(phone, code);
      } catch (e) {
        await appendAudit(database, {
          userId: null,
          username: `phone:${maskPhone(phone)}`,
          jurisdictionCode: await auditRegion({ phoneBlindIndex: blind }),
          action: 'portal.signIn',
          outcome: 'failure',
          clientIp,
          details: { provider: provider.id, reason: e instanceof AppError ? e.code : 'error' },
        });
        throw e;
      }
      const residentId = await database.transaction(async (tx) => {
        const id = await upsertResident(tx, blind, encryptField(keys.piiEncryption, 'phone', phone));
        if (identity.idNumber && identity.name) {
          const personId = await findBindablePerson(tx, keys, {
            name: identity.name,
            idNumber: identity.idNumber,
            phone,
            vouchedIdNumber: identity.idNumber,
          });
          if (personId !== null) await bindResident(tx, id, personId);
        }
        await appendAudit(tx, {
          ...residentActor(id, clientIp, (await findAuditRegion(tx, { phoneBlindIndex: blind })) ?? scopeCode),
          action: 'portal.signIn',
          targetType: 'resident',
          targetId: String(id),
          outcome: 'success',
          details: { provider: provider.id },
        });
        return id;
      });
      return { residentId, ...(await createResidentSession(database, residentId, clientIp)) };
    },

    async residentOf(residentId: number): Promise<SessionResident[]> {
      const rows = await findResidentPerson(database, residentId);
      return rows.map((r) => ({ id: residentId, personId: r.personId }));
    },

    async signOut(tokenHash: string): Promise<void> {
      await deleteResidentSession(database, tokenHash);
    },

    /** Links the resident to their registry record, so forms are filled in from it. */
    async bind(resident: SessionResident, claim: { name: string; idNumber: string }, clientIp: string): Promise<void> {
      if (resident.personId !== null) throw portalError('portal.alreadyBound');
      const phone = decryptField(keys.piiEncryption, 'phone', await getResidentPhoneCipher(database, resident.id));
      const personId = await withResident(database, resident.id, (tx) =>
        findBindablePerson(tx, keys, { ...claim, phone }),
      );
      // Audited as the owner, after the look-up: the resident's transaction cannot read the
      // person's region, and the entry belongs under it (a failure under the deployment's scope).
      await appendAudit(database, {
        ...residentActor(resident.id, clientIp, personId === null ? scopeCode : await auditRegion({ personId })),
        action: 'portal.bind',
        targetType: personId === null ? 'resident' : 'person',
        targetId: String(personId ?? resident.id),
        outcome: personId === null ? 'failure' : 'success',
      });
      if (personId === null) throw portalError('portal.bindingMismatch');
      // residents is the portal's own table, not resident-scoped: the owner writes the link.
      await bindResident(database, resident.id, personId);
      resident.personId = personId;
    },

    async me(resident: SessionResident, csrfToken: string, clientIp: string, now = new Date()): Promise<ResidentMe> {
      const phone = decryptField(keys.piiEncryption, 'phone', await getResidentPhoneCipher(database, resident.id));
      const base = {
        resident: { id: resident.id, phoneMasked: maskPhone(phone), bound: resident.personId !== null },
        csrfToken,
      };
      if (resident.personId === null) return { ...base, family: null };
      const personId = resident.personId;
      const family = await withResident(database, resident.id, async (tx) => {
        const [self] = await findRegistryFacts(tx, [], [personId]);
        if (!self) return null;
        const relatives = await findRegistryRelatives(tx, [personId]);
        // Showing a family's registry record is a read of personal data: audited like a staff view.
        await appendAudit(tx, {
          ...residentActor(resident.id, clientIp, self.residenceRegionCode),
          action: 'portal.viewFamily',
          targetType: 'person',
          targetId: String(personId),
          outcome: 'success',
        });
        return { self, relatives };
      });
      if (!family) return { ...base, family: null };
      const today = chinaDateOf(now);
      const spouse = family.relatives.find((r) => r.relation === 'spouse');
      return {
        ...base,
        family: {
          self: member(family.self, true, today),
          spouse: spouse ? member(spouse, false, today) : null,
          children: family.relatives.filter((r) => r.relation === 'child').map((c) => member(c, false, today)),
        },
      };
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
