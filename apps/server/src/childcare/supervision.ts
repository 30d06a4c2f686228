import type {
  EmergencyClosureBody,
  IncidentBody,
  InspectionBody,
  RatingBody,
  RectificationView,
  SupervisionView,
} from '@cradle/contract';
import {
  checkFindings,
  chinaDateOf,
  inspectionPassed,
  rectificationOverdue,
  supervisionReachOf,
  type Role,
} from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { isUniqueViolation } from '../db/savepoint.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { childcareError } from './errors.js';
import { areaError, findingsError, supervisionError } from './supervision-errors.js';
import * as repo from './repo.js';
import * as sv from './supervision-repo.js';
import * as cl from './closure-repo.js';

// Childcare supervision (issue 14; REQUIREMENTS B9, C1): the county's childcare office and the
// inspecting departments record inspections by checklist; each failed item opens a rectification
// with a due date; the institution reports it done; a re-inspection closes it. The county rates
// institutions yearly, logs incidents, and closes an institution in an emergency.

interface Actor {
  user: SessionUser;
  clientIp: string;
}

/**
 * A department operator's reach (packages/domain/src/childcare/area-owners.ts): education every
 * area of 幼儿园托班; fire and rescue, market regulation, housing, disease control and emergency
 * management their own areas of every filed institution, with no ratings, incidents or closure
 * record (issue 14: "other departments see what their inspections need").
 */
export const reachOf = (u: SessionUser) => supervisionReachOf(u);
const isInstitution = (u: SessionUser) => u.roles.includes('institutionOperator');
const COUNTY: readonly Role[] = ['countyAdmin'];

export function createSupervisionService(deps: { database: Database; regions: RegionService; now: () => Date }) {
  const { database, regions, now } = deps;
  const today = () => chinaDateOf(now());
  const scoped = <T>(user: SessionUser, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, fn);
  const audit = (tx: Conn, a: Actor, action: string, id: number, details?: Record<string, unknown>) =>
    appendAudit(tx, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action,
      targetType: 'childcareInstitution',
      targetId: String(id),
      outcome: 'success',
      details,
    });
  const placeName = (code: string) =>
    regions
      .path(code)
      .filter((r) => r.level === 'township' || r.level === 'village')
      .map((r) => r.name)
      .join('');

  /**
   * The institution as this user may see it: its own account; education 幼儿园托班 only; an
   * inspecting department the filed ones (what the supervision list shows it).
   */
  async function institutionFor(tx: Conn, user: SessionUser, id: number, lock = false) {
    const inst = await repo.findInstitution(tx, id, lock);
    if (!inst) throw childcareError('childcare.notFound');
    if (isInstitution(user) && inst.ownerUserId !== user.id) throw childcareError('childcare.notFound');
    const reach = reachOf(user);
    if (reach && inst.filedVersion === null) throw childcareError('childcare.notFound');
    if (reach?.type) {
      const [latest] = await repo.listFilings(tx, id);
      if ((latest?.content as { type?: string } | undefined)?.type !== reach.type)
        throw childcareError('childcare.notFound');
    }
    return inst;
  }

  const rectView = (r: sv.RectificationRow, day: string): RectificationView => ({
    ...r,
    regionName: placeName(r.regionCode),
    overdue: rectificationOverdue(r, day),
  });

  async function viewIn(tx: Conn, user: SessionUser, id: number): Promise<SupervisionView> {
    const inst = await institutionFor(tx, user, id);
    const day = today();
    const reach = reachOf(user);
    if (reach && !reach.whole) {
      // An inspecting department: its areas' inspections and items; no ratings, incidents or the
      // closure's record (where the children went): the status and closing day tell it enough.
      const mine = (a: string) => reach.areas?.some((x) => x === a) ?? true;
      return {
        institutionId: id,
        institutionName: inst.name,
        status: inst.status,
        closedOn: inst.closedOn,
        inspections: (await sv.listInspections(tx, id)).filter((n) => mine(n.area)),
        rectifications: (await sv.listRectificationsOf(tx, id))
          .filter((r) => mine(r.area))
          .map((r) => rectView(r, day)),
        ratings: [],
        incidents: [],
        closure: null,
      };
    }
    const closure = await cl.findClosure(tx, id);
    return {
      institutionId: id,
      institutionName: inst.name,
      status: inst.status,
      closedOn: inst.closedOn,
      inspections: await sv.listInspections(tx, id),
      rectifications: (await sv.listRectificationsOf(tx, id)).map((r) => rectView(r, day)),
      ratings: await sv.listRatings(tx, id),
      incidents: (await sv.listIncidents(tx, { institutionId: id })).map((x) => ({
        ...x,
        regionName: placeName(x.regionCode),
      })),
      closure,
    };
  }

  /** A filed institution, not closed, that this user may act on. */
  async function openInstitution(tx: Conn, user: SessionUser, id: number) {
    const inst = await institutionFor(tx, user, id, true);
    if (inst.status !== 'filed') throw supervisionError('childcareSupervision.notFiled');
    return inst;
  }

  return {
    async view(a: Actor, id: number): Promise<SupervisionView> {
      return scoped(a.user, async (tx) => {
        const v = await viewIn(tx, a.user, id);
        await audit(tx, a, 'childcare.viewSupervision', id);
        return v;
      });
    },

    /** An inspection by checklist; each failed item opens a rectification due on its date. */
    async inspect(a: Actor, body: InspectionBody): Promise<SupervisionView> {
      const day = today();
      if (body.inspectedOn > day) throw supervisionError('childcareSupervision.futureDate');
      const reach = reachOf(a.user);
      if (reach?.areas && !reach.areas.includes(body.area)) throw areaError(body.area, reach.areas);
      const problems = checkFindings(body.area, body.findings);
      if (problems.length > 0) throw findingsError(problems);
      const failed = body.findings.filter((f) => f.result === 'fail');
      if (failed.some((f) => !f.note?.trim() || !f.dueOn || f.dueOn <= body.inspectedOn))
        throw supervisionError('childcareSupervision.rectification');
      return scoped(a.user, async (tx) => {
        const inst = await openInstitution(tx, a.user, body.institutionId);
        if (body.reinspectionOf !== undefined) {
          const first = await sv.findInspection(tx, body.reinspectionOf);
          if (
            !first ||
            first.institutionId !== inst.id ||
            first.area !== body.area ||
            first.inspectedOn > body.inspectedOn
          )
            throw supervisionError('childcareSupervision.reinspection');
        }
        const passed = inspectionPassed(body.findings);
        const inspectionId = await sv.insertInspection(tx, {
          institutionId: inst.id,
          regionCode: inst.regionCode,
          area: body.area,
          inspectedOn: body.inspectedOn,
          // The county's office records as the health commission; an operator as its department.
          department: reach && a.user.department ? a.user.department : 'healthCommission',
          inspectorId: a.user.id,
          inspectorName: a.user.displayName,
          passed,
          findings: body.findings.map((f) => ({ item: f.item, result: f.result, note: f.note?.trim() || null })),
          reinspectionOf: body.reinspectionOf ?? null,
          note: body.note?.trim() || null,
        });
        const items = failed.map((f) => ({ item: f.item, requirement: f.note!.trim(), dueOn: f.dueOn! }));
        await sv.insertRectifications(tx, inspectionId, inst.id, inst.regionCode, items);
        const closed =
          body.reinspectionOf === undefined
            ? 0
            : await sv.closeRectifications(
                tx,
                body.reinspectionOf,
                inspectionId,
                body.inspectedOn,
                failed.map((f) => f.item),
              );
        await audit(tx, a, 'childcare.inspect', inst.id, {
          inspectionId,
          area: body.area,
          passed,
          rectifications: items.length,
          reinspectionOf: body.reinspectionOf ?? null,
          closed,
        });
        return viewIn(tx, a.user, inst.id);
      });
    },

    /** The institution reports a rectification done; a re-inspection will close it. */
    async report(a: Actor, id: number, note: string): Promise<SupervisionView> {
      return scoped(a.user, async (tx) => {
        const r = await sv.findRectification(tx, id, true);
        if (!r) throw childcareError('childcare.notFound');
        await institutionFor(tx, a.user, r.institutionId);
        if (r.state !== 'open') throw supervisionError('childcareSupervision.notOpen');
        await sv.reportRectification(tx, id, today(), note.trim());
        await audit(tx, a, 'childcare.reportRectification', r.institutionId, { rectificationId: id });
        return viewIn(tx, a.user, r.institutionId);
      });
    },

    /** 等级评估: one grade per institution and year. */
    async rate(a: Actor, body: RatingBody): Promise<SupervisionView> {
      const day = today();
      if (body.year > Number(day.slice(0, 4))) throw supervisionError('childcareSupervision.futureDate');
      try {
        return await scoped(a.user, async (tx) => {
          const inst = await openInstitution(tx, a.user, body.institutionId);
          const rating = { ...body, institutionId: inst.id, regionCode: inst.regionCode, ratedOn: day };
          await sv.insertRating(tx, rating, { id: a.user.id, name: a.user.displayName }, body.note?.trim() || null);
          await audit(tx, a, 'childcare.rate', inst.id, { year: body.year, grade: body.grade });
          return viewIn(tx, a.user, inst.id);
        });
      } catch (e) {
        if (isUniqueViolation(e, 'childcare_ratings_year_uq')) throw supervisionError('childcareSupervision.rated');
        throw e;
      }
    },

    /** A safety incident, kept whatever becomes of the institution (003 三(三) asks three years back). */
    async recordIncident(a: Actor, body: IncidentBody): Promise<SupervisionView> {
      if (body.occurredOn > today()) throw supervisionError('childcareSupervision.futureDate');
      return scoped(a.user, async (tx) => {
        const inst = await institutionFor(tx, a.user, body.institutionId, true);
        if (inst.filedVersion === null) throw supervisionError('childcareSupervision.notFiled');
        await sv.insertIncident(
          tx,
          { ...body, summary: body.summary.trim(), regionCode: inst.regionCode },
          { id: a.user.id, name: a.user.displayName },
        );
        await audit(tx, a, 'childcare.recordIncident', inst.id, {
          occurredOn: body.occurredOn,
          severity: body.severity,
        });
        return viewIn(tx, a.user, inst.id);
      });
    },

    /**
     * 机构关停 with 应急处置 (002 二(三)4; 004 (十三)): in force at once, the children placed in
     * named institutions; the public page and the slot totals drop the institution from its date.
     */
    async emergencyClose(a: Actor, id: number, body: EmergencyClosureBody): Promise<SupervisionView> {
      if (body.closedOn > today()) throw childcareError('childcare.futureClosure');
      return scoped(a.user, async (tx) => {
        const inst = await openInstitution(tx, a.user, id);
        const named = [...new Set(body.placements.flatMap((p) => p.receivingInstitutionId ?? []))];
        if (named.includes(id) || (await cl.filedAmong(tx, named)).length !== named.length)
          throw supervisionError('childcareSupervision.placements');
        const placements = body.placements.map((p) => ({
          receivingInstitutionId: p.receivingInstitutionId ?? null,
          receivingName: p.receivingName.trim(),
          children: p.children,
        }));
        const record = { ...body, reason: body.reason.trim(), transferPlan: body.transferPlan.trim(), placements };
        await cl.insertClosure(tx, id, inst.regionCode, record, { id: a.user.id, name: a.user.displayName });
        await repo.updateInstitution(tx, id, { status: 'closed', closedOn: body.closedOn });
        const closedRectifications = await cl.closeRectificationsOf(tx, id, body.closedOn);
        await audit(tx, a, 'childcare.emergencyClose', id, {
          closedOn: body.closedOn,
          children: placements.reduce((n, p) => n + p.children, 0),
          receiving: named,
          closedRectifications,
        });
        return viewIn(tx, a.user, id);
      });
    },

    /** The view without its read audit: an export of it is audited as an export instead. */
    read: (user: SessionUser, id: number) => scoped(user, (tx) => viewIn(tx, user, id)),
    scoped,
    today,
    placeName,
    isCounty: (u: SessionUser) => u.roles.some((r) => COUNTY.includes(r)),
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
