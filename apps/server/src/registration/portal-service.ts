import {
  checkAgainstRegistry,
  childbirthRegistrationDeadline,
  chinaDateOf,
  maskIdNumber,
  normalizeIdNumber,
  parityFromRegistry,
  parityOfRegistration,
  validateChildbirthRegistration,
  type ChildbirthRegistrationForm,
} from '@cradle/domain';
import { appendAudit } from '../audit/service.js';
import { encryptField } from '../crypto/pii.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { listAttachments } from '../portal/attachments.js';
import { withResident } from '../portal/scope.js';
import { residentActor } from '../portal/service.js';
import type { SessionResident } from '../portal/session.js';
import { findRegistryFacts, findRegistryRelatives } from '../registry/family-repo.js';
import { registrationError, type FieldError } from './errors.js';
import { freeText } from './free-text.js';
import { readRegistrationContext } from './lookups-repo.js';
import * as notify from './notify.js';
import { renderRegistrationReceipt } from './receipt.js';
import { familyOf, gatherRegistryFacts, registryChild, resolveParents } from './registry-facts.js';
import { findRegistration, insertRegistration, listForResident, residentSubmissionsLock, saveReply } from './repo.js';
import type {
  ChildbirthPrefill,
  ChildbirthRegistrationBody,
  PortalRegistrationDetail,
  RegistrationSummary,
} from '@cradle/contract';
import { childView, personView, portalDetailOf, summaryOf } from './views.js';

const UNBOUND: ChildbirthPrefill = {
  bound: false,
  mother: null,
  father: null,
  registrySpouse: false,
  children: [],
  parity: null,
  residenceRegionCode: null,
  residenceRegion: null,
};
const TARGET = 'childbirthRegistration';
/**
 * Our reading: a family registers a birth once (twins twice), a mistake means submitting again;
 * more than 5 in 24 hours from one account is not a family's need, and each submission reads the
 * registry for the ID numbers typed (review of issue 4).
 */
export const SUBMISSIONS_PER_DAY = 5;

/** The family's side of 生育登记: what the registry already knows, the submission, its progress, the receipt. */
export function createPortalRegistrationService(deps: FamilyServiceDeps, now: () => Date) {
  const { database, pii, regions } = deps;
  const today = () => chinaDateOf(now());

  async function own(resident: SessionResident, id: number) {
    return withResident(database, resident.id, async (tx) => {
      const row = await findRegistration(tx, id);
      if (!row) throw registrationError('registration.notFound');
      return {
        row,
        attachments: await listAttachments(tx, 'childbirthRegistration', id),
        family: await familyOf(tx, resident.personId),
      };
    });
  }

  return {
    /** The bound resident's family as the registry holds it: filled in, not asked for again (issue 4). */
    async prefill(resident: SessionResident, clientIp: string): Promise<ChildbirthPrefill> {
      const personId = resident.personId;
      if (personId === null) return UNBOUND;
      const on = today();
      return withResident(database, resident.id, async (tx) => {
        const [self] = await findRegistryFacts(tx, [], [personId]);
        if (!self) return UNBOUND;
        const spouse =
          (await findRegistryRelatives(tx, [personId])).find((r) => r.relation === 'spouse' && r.deathDate === null) ??
          null;
        const [mother, father] = (['female', 'male'] as const).map(
          (sex) => [self, spouse].find((p) => p?.sex === sex) ?? null,
        );
        const children = (
          await findRegistryRelatives(
            tx,
            [mother, father].flatMap((p) => (p ? [p.personId] : [])),
          )
        ).filter((r) => r.relation === 'child');
        const of = (p: typeof mother) =>
          p ? children.filter((c) => c.ofPersonId === p.personId).map(registryChild) : null;
        // Showing a family's registry record is a read of personal data: audited like a staff view.
        await appendAudit(tx, {
          ...residentActor(resident.id, clientIp, self.residenceRegionCode),
          action: `${TARGET}.prefill`,
          targetType: 'person',
          targetId: String(personId),
          outcome: 'success',
        });
        return {
          bound: true,
          mother: mother ? personView(regions, mother, on) : null,
          father: father ? personView(regions, father, on) : null,
          registrySpouse: spouse !== null,
          children: [...new Map(children.map((c) => [c.personId, c])).values()].map((c) => childView(c, on)),
          parity: parityFromRegistry({ mother: of(mother), father: of(father) }),
          residenceRegionCode: self.residenceRegionCode,
          residenceRegion: regions
            .path(self.residenceRegionCode)
            .map((r) => r.name)
            .join(''),
        };
      });
    },

    async submit(
      resident: SessionResident,
      body: ChildbirthRegistrationBody,
      clientIp: string,
    ): Promise<PortalRegistrationDetail> {
      const on = today();
      const deadline = childbirthRegistrationDeadline(on, await deps.calendar.current());
      // One transaction, four round trips (BEGIN, the context, the insert, COMMIT): the resident's submissions take turns from BEGIN on
      // (the lock rides with it), so the limit counted below holds for parallel requests too.
      const { row, family } = await withResident(
        database,
        resident.id,
        async (tx) => {
          const parents = [body.mother, body.father ?? null];
          const picked = parents.flatMap((p) => (p !== null && 'personId' in p ? [p.personId] : []));
          const declared = parents.flatMap((p) =>
            p !== null && !('personId' in p) ? [pii.idBlindIndex(normalizeIdNumber(p.idNumber))] : [],
          );
          const ctx = await readRegistrationContext(tx, picked, declared, 24);
          const family = new Set(ctx.family.map((p) => p.personId));
          const resolved = resolveParents(pii, ctx.family, body);
          if (resolved.errors.length > 0) throw registrationError('registration.invalid', resolved.errors);
          const form: ChildbirthRegistrationForm = {
            mother: resolved.mother!,
            father: resolved.father,
            married: body.married,
            residenceRegionCode: body.residenceRegionCode,
            childStatus: body.childStatus,
            expectedBirthDate: body.expectedBirthDate ?? null,
            child: body.child ?? null,
            commitment: body.commitment,
          };
          const errors: FieldError[] = validateChildbirthRegistration(form, on);
          if (!errors.some((e) => e.field === 'residenceRegionCode') && !regions.exists(form.residenceRegionCode)) {
            errors.push({
              field: 'residenceRegionCode',
              code: 'residenceRegion.unknown',
              message: {
                zh: `居住地代码 ${form.residenceRegionCode} 不在本平台的行政区划中`,
                en: `Place of residence ${form.residenceRegionCode} is not a region of this platform`,
              },
            });
          }
          if (errors.length > 0) throw registrationError('registration.invalid', errors);
          if (ctx.recent >= SUBMISSIONS_PER_DAY) throw registrationError('registration.tooMany');

          const ids = [form.mother, form.father].flatMap((p) => (p ? [normalizeIdNumber(p.idNumber)] : []));
          const g = gatherRegistryFacts(pii, form.mother, form.father, ctx);
          const sealed = (p: NonNullable<typeof form.father>, id: string, personId: number | null) => ({
            name: p.name.trim(),
            idCipher: pii.encryptIdNumber(id),
            blind: pii.idBlindIndex(id),
            masked: maskIdNumber(id),
            personId,
          });
          const phones = {
            mother: form.mother.phone?.trim() || undefined,
            father: form.father?.phone?.trim() || undefined,
          };
          const saved = await insertRegistration(tx, {
            // SY (生育) + the county + the year + a deployment-wide sequence: readable at a counter, unique everywhere.
            numberPrefix: `SY${form.residenceRegionCode.slice(0, 6)}${on.slice(0, 4)}`,
            regionCode: form.residenceRegionCode,
            residentId: resident.id,
            married: form.married,
            childStatus: form.childStatus,
            expectedBirthDate: form.childStatus === 'pregnant' ? (form.expectedBirthDate ?? null) : null,
            child:
              form.childStatus === 'born' && form.child
                ? { name: form.child.name.trim(), sex: form.child.sex, birthDate: form.child.birthDate }
                : null,
            mother: sealed(form.mother, ids[0]!, g.mother?.personId ?? null),
            father: form.father ? sealed(form.father, ids[1]!, g.father?.personId ?? null) : null,
            phonesCipher:
              phones.mother || phones.father
                ? encryptField(deps.keys.piiEncryption, 'registrationPhones', JSON.stringify(phones))
                : null,
            parity: parityOfRegistration(form, g.facts),
            conflicts: checkAgainstRegistry(form, g.facts),
            commitmentText: form.commitment.statement.trim(),
            deadline,
          });
          await enqueueNotifications(tx, notify.submitted(saved));
          await appendAudit(tx, {
            ...residentActor(resident.id, clientIp, saved.regionCode),
            action: `${TARGET}.submit`,
            targetType: TARGET,
            targetId: String(saved.id),
            outcome: 'success',
            details: {
              registrationNo: saved.registrationNo,
              parity: saved.parity,
              conflicts: saved.conflicts.map((c) => c.code),
              byRegistry: [resolved.mother?.chosenPersonId, resolved.father?.chosenPersonId].some(Boolean),
            },
          });
          return { row: saved, family };
        },
        residentSubmissionsLock(resident.id),
      );
      deps.dispatcher.kick();
      return portalDetailOf(regions, row, on, [], family);
    },

    async list(resident: SessionResident): Promise<RegistrationSummary[]> {
      const on = today();
      const { rows, family } = await withResident(database, resident.id, (tx) =>
        listForResident(tx, resident.id, resident.personId),
      );
      return rows.map((r) => summaryOf(regions, r, on, family));
    },

    async detail(resident: SessionResident, id: number): Promise<PortalRegistrationDetail> {
      const { row, attachments, family } = await own(resident, id);
      return portalDetailOf(regions, row, today(), attachments, family);
    },

    /** The family answers a request for more information: back to the township with a fresh deadline (our reading: the clock restarts, 补正后重新计时). */
    async reply(
      resident: SessionResident,
      id: number,
      message: string,
      clientIp: string,
    ): Promise<PortalRegistrationDetail> {
      const text = freeText('message', { zh: '回复内容', en: 'Reply' }, message, true)!;
      const on = today();
      const deadline = childbirthRegistrationDeadline(on, await deps.calendar.current());
      const { row, attachments, family } = await withResident(database, resident.id, async (tx) => {
        const found = await findRegistration(tx, id, true);
        if (!found) throw registrationError('registration.notFound');
        if (found.status !== 'infoRequested') throw registrationError('registration.notInfoRequested');
        await saveReply(tx, id, deadline);
        await enqueueNotifications(tx, notify.replied(found, text, deadline));
        await appendAudit(tx, {
          ...residentActor(resident.id, clientIp, found.regionCode),
          action: `${TARGET}.reply`,
          targetType: TARGET,
          targetId: String(id),
          outcome: 'success',
          details: { message: text },
        });
        return {
          row: { ...found, status: 'submitted' as const, deadline },
          attachments: await listAttachments(tx, 'childbirthRegistration', id),
          family: await familyOf(tx, resident.personId),
        };
      });
      return portalDetailOf(regions, row, on, attachments, family);
    },

    async receipt(
      resident: SessionResident,
      id: number,
      baseUrl: string,
      clientIp: string,
    ): Promise<{ number: string; pdf: Buffer }> {
      const { row } = await own(resident, id);
      if (row.status !== 'completed') throw registrationError('registration.notCompleted');
      await withResident(database, resident.id, (tx) =>
        appendAudit(tx, {
          ...residentActor(resident.id, clientIp, row.regionCode),
          action: `${TARGET}.receipt`,
          targetType: TARGET,
          targetId: String(id),
          outcome: 'success',
        }),
      );
      return { number: row.registrationNo, pdf: await renderRegistrationReceipt(deps.keys, regions, row, baseUrl) };
    },
  };
}

export type PortalRegistrationService = ReturnType<typeof createPortalRegistrationService>;
