import {
  applyCorrections,
  applyToBundle,
  bundleServiceDefinition,
  bundleStatus,
  chinaDateOf,
  isBundleService,
  newBundleTasks,
  validateNewbornBundle,
  type BundleService,
  type Corrections,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { appendAudit } from '../audit/service.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { residentActor } from '../portal/service.js';
import { withResident } from '../portal/scope.js';
import type { SessionResident } from '../portal/session.js';
import { bundleError, taskRefused } from './errors.js';
import { columnsOf, formOf, type Crypto } from './form.js';
import { familyPersonOf } from './parents.js';
import {
  bundleNoPrefix,
  findBundle,
  findBundleWithTasks,
  findEntitlements,
  findTasks,
  insertBundle,
  listBundles,
  moveBundle,
  residentSubmissionsLock,
  saveTasks,
  updateBundle,
  type BundleRow,
} from './repo.js';
import * as notify from './notify.js';
import type { CorrectionBody, NewbornBundle, NewbornBundleBody, NewbornBundleSummary } from '@cradle/contract';
import { changedTasks, domainTasks, storedBundleStatus } from './tasks.js';
import { readSubmission, refuseDuplicate, regionProblem } from './submission.js';
import { bundleSummary, bundleView } from './views.js';

/** The family's side of 出生一件事 (issue 4): submit once, follow each department, correct what is returned. */
export function createBundleFamilyService(deps: FamilyServiceDeps) {
  const { database, calendar, regions, dispatcher } = deps;
  const c: Crypto = { pii: deps.pii, keys: deps.keys };
  const audit = (
    r: SessionResident,
    ip: string,
    b: { id: number; region_code: string },
    action: string,
    details: Record<string, unknown> | null = null,
  ) => ({
    ...residentActor(r.id, ip, b.region_code),
    action,
    targetType: 'newbornBundle',
    targetId: String(b.id),
    outcome: 'success' as const,
    details,
  });
  const ref = (b: BundleRow): notify.BundleRef => ({
    id: b.id,
    bundleNo: b.bundle_no,
    regionCode: b.region_code,
    residentId: b.resident_id,
    newbornName: b.newborn_name,
  });

  async function view(tx: Conn, b: BundleRow, today: string): Promise<NewbornBundle> {
    const tasks = await findTasks(tx, [b.id]);
    const entitlements = b.newborn_person_id === null ? [] : await findEntitlements(tx, b.newborn_person_id);
    return bundleView(b, tasks, entitlements, regions, today);
  }

  return {
    async submit(
      resident: SessionResident,
      body: NewbornBundleBody,
      ip: string,
      now = new Date(),
    ): Promise<NewbornBundle> {
      const today = chinaDateOf(now);
      const cal = await calendar.current();
      const result = await withResident(
        database,
        resident.id,
        async (tx) => {
          const { form, motherPersonId, fatherPersonId } = await readSubmission(tx, c, regions, resident, body, now);
          const tasks = newBundleTasks(form, today, cal);
          const {
            bundle: b,
            tasks: rows,
            openBefore,
          } = await insertBundle(
            tx,
            bundleNoPrefix(form.hukouRegionCode, today),
            {
              ...columnsOf(form, c),
              resident_id: resident.id,
              registration_id: body.registrationId ?? null,
              mother_person_id: motherPersonId,
              father_person_id: fatherPersonId,
              // Set by public security's registration only: a typed existing ID number stays encrypted for
              // the departments, never resolved for the family (it could be another family's child).
              newborn_person_id: null,
            },
            changedTasks([], tasks, { service: tasks[0]!.service }),
          );
          refuseDuplicate(c, openBefore, form);
          const arrived = tasks
            .filter((t) => t.status === 'pending')
            .map((t) =>
              notify.taskArrived(ref(b), t.service, rows.find((r) => r.service === t.service)!.id, t.deadline),
            );
          await enqueueNotifications(tx, [...notify.submitted(ref(b), form.services), ...arrived]);
          await appendAudit(
            tx,
            audit(resident, ip, b, 'bundle.submit', { bundleNo: b.bundle_no, services: form.services }),
          );
          // A new bundle has no newborn in the registry yet, so no entitlements: the view is what was written.
          return bundleView(b, rows, [], regions, today);
        },
        residentSubmissionsLock(resident.id),
      );
      dispatcher.kick();
      return result;
    },

    async list(resident: SessionResident): Promise<NewbornBundleSummary[]> {
      return withResident(database, resident.id, async (tx) => {
        const bundles = await listBundles(tx);
        const tasks = await findTasks(
          tx,
          bundles.map((b) => b.id),
        );
        return bundles.map((b) =>
          bundleSummary(
            b,
            tasks.filter((t) => t.bundle_id === b.id),
          ),
        );
      });
    },

    async detail(resident: SessionResident, id: number, ip: string, now = new Date()): Promise<NewbornBundle> {
      return withResident(database, resident.id, async (tx) => {
        const found = await findBundleWithTasks(tx, id);
        if (!found) throw bundleError('bundle.notFound');
        const { bundle: b, tasks } = found;
        await appendAudit(tx, audit(resident, ip, b, 'bundle.view'));
        const entitlements = b.newborn_person_id === null ? [] : await findEntitlements(tx, b.newborn_person_id);
        return bundleView(b, tasks, entitlements, regions, chinaDateOf(now));
      });
    },

    /** Corrects the fields one department returned and hands that task back to it; the other tasks are untouched. */
    async correct(
      resident: SessionResident,
      id: number,
      body: CorrectionBody,
      ip: string,
      now = new Date(),
    ): Promise<NewbornBundle> {
      const today = chinaDateOf(now);
      const cal = await calendar.current();
      const result = await withResident(database, resident.id, async (tx) => {
        const b = await findBundle(tx, id, true);
        if (!b) throw bundleError('bundle.notFound');
        const rows = await findTasks(tx, [b.id]);
        const tasks = domainTasks(rows, b);
        if (!isBundleService(body.service))
          throw taskRefused(
            'task.wrongService',
            { zh: '本次申请没有该项服务', en: 'This bundle does not include that service' },
            null,
          );
        const corrections = body.corrections as Corrections;
        const previous = formOf(b, c);
        const next = applyCorrections(previous, corrections);
        const outcome = applyToBundle(
          tasks,
          body.service,
          { kind: 'resubmit', corrections },
          { today, calendar: cal, form: next, previous },
        );
        if (!outcome.ok) throw taskRefused(outcome.code, outcome.message, outcome.errors);
        const errors = [...validateNewbornBundle(next, now), ...regionProblem(regions, next.hukouRegionCode)];
        if (errors.length > 0) throw bundleError('bundle.invalid', errors);
        const fields = Object.keys(corrections);
        const touches = (role: string) => fields.some((f) => f === `${role}.name` || f === `${role}.idNumber`);
        const columns = columnsOf(next, c);
        await updateBundle(tx, b.id, {
          ...columns,
          // The newborn's masked number may come from hukou registration, not the form: kept unless the form's own number changed.
          newborn_id_masked: columns.newborn_id_masked ?? b.newborn_id_masked,
          // A corrected parent is a declared one: a person id only for the resident or their spouse (parents.ts).
          ...(touches('mother') ? { mother_person_id: await familyPersonOf(tx, c, resident, next.mother) } : {}),
          ...(touches('father') ? { father_person_id: await familyPersonOf(tx, c, resident, next.father) } : {}),
          status: storedBundleStatus(bundleStatus(outcome.tasks)),
        });
        if (next.hukouRegionCode !== b.region_code) await moveBundle(tx, b.id, next.hukouRegionCode);
        await saveTasks(tx, b.id, changedTasks(tasks, outcome.tasks, { service: body.service }));
        const after = (await findBundle(tx, b.id))!;
        const resubmitted = outcome.tasks.find((t) => t.service === body.service)!;
        const idOf = (s: BundleService) => rows.find((r) => r.service === s)!.id;
        // Work already done that used a corrected field is not reopened (our reading); its department is told.
        const doneUsing = outcome.tasks.filter(
          (t) => t.status === 'done' && bundleServiceDefinition(t.service).formFields.some((f) => fields.includes(f)),
        );
        await enqueueNotifications(tx, [
          notify.taskArrived(ref(after), body.service, idOf(body.service), resubmitted.deadline, true),
          ...doneUsing.map((t) => notify.correctedAfterDone(ref(after), t.service, idOf(t.service), fields)),
        ]);
        await appendAudit(tx, audit(resident, ip, after, 'bundle.correct', { service: body.service, fields }));
        return view(tx, after, today);
      });
      dispatcher.kick();
      return result;
    },
  };
}

export type BundleFamilyService = ReturnType<typeof createBundleFamilyService>;
