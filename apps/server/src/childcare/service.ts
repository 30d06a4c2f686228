import type {
  ChildcareClassInput,
  ChildcareStaffInput,
  ClosureBody,
  FilingContentBody,
  FilingSubmitBody,
  FilingVersionView,
  InstitutionDetail,
} from '@cradle/contract';
import {
  checkFiling,
  chinaDateOf,
  CHILDCARE_REVIEWERS,
  deadlineState,
  filingCorrectionDeadline,
  filingReviewDeadline,
  maskPersonName,
  parseUscc,
  type FilingKind,
  type WorkingDayCalendar,
} from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { isUniqueViolation } from '../db/savepoint.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import type { CalendarService } from '../calendar/index.js';
import type { RegionService } from '../regions/index.js';
import { childcareError, rulesError } from './errors.js';
import * as repo from './repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

/** What a closure version adds to the content in force. */
interface ClosureContent {
  closure: ClosureBody;
}
type StoredContent = Omit<FilingContentBody, 'classes' | 'staff'> & Partial<ClosureContent>;

/** The first filing gives the number: TY (托育) and the county, then a sequence. */
const filingNoPrefix = (regionCode: string) => `TY${regionCode.slice(0, 6)}`;

export function createChildcareService(deps: {
  database: Database;
  calendar: CalendarService;
  regions: RegionService;
  now: () => Date;
}) {
  const { database, calendar, regions, now } = deps;
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
  const isInstitution = (u: SessionUser) => u.roles.includes('institutionOperator');

  /** The institution as this user may see it: an institution operator only its own. */
  async function institutionFor(tx: Conn, user: SessionUser, id: number, lock = false) {
    const inst = await repo.findInstitution(tx, id, lock);
    if (!inst || (isInstitution(user) && inst.ownerUserId !== user.id)) throw childcareError('childcare.notFound');
    return inst;
  }

  async function detailIn(tx: Conn, user: SessionUser, id: number): Promise<InstitutionDetail> {
    const inst = await institutionFor(tx, user, id);
    const filings = await repo.listFilings(tx, id);
    const ids = filings.map((f) => f.id);
    const classes = await repo.listClasses(tx, ids);
    const staff = await repo.listStaff(tx, ids);
    const documents = await repo.listDocuments(tx, ids);
    // Staff names are personal: whole for the institution and the reviewer, masked for other readers.
    const whole = isInstitution(user) || user.roles.some((r) => CHILDCARE_REVIEWERS.includes(r));
    const day = today();
    return {
      id: inst.id,
      uscc: inst.uscc,
      name: inst.name,
      regionCode: inst.regionCode,
      regionName: regions
        .path(inst.regionCode)
        .filter((r) => r.level === 'township' || r.level === 'village')
        .map((r) => r.name)
        .join(''),
      status: inst.status,
      filingNo: inst.filingNo,
      filedVersion: inst.filedVersion,
      closedOn: inst.closedOn,
      versions: filings.map((f): FilingVersionView => {
        const { closure, ...content } = f.content as StoredContent;
        return {
          id: f.id,
          version: f.version,
          kind: f.kind,
          state: f.state,
          receivedOn: f.receivedOn,
          reviewDeadline: f.reviewDeadline,
          reviewState: f.state === 'received' ? deadlineState(f.reviewDeadline, day) : null,
          decidedOn: f.decidedOn,
          decidedByName: f.decidedByName,
          sendBackReason: f.sendBackReason,
          correctionDeadline: f.correctionDeadline,
          correctionState:
            f.state === 'sentBack' && f.correctionDeadline ? deadlineState(f.correctionDeadline, day) : null,
          submittedByName: f.submittedByName,
          submittedAt: f.submittedAt,
          content,
          classes: classes.filter((c) => c.filingId === f.id).map(({ filingId: _, ...c }) => c),
          staff: staff
            .filter((s) => s.filingId === f.id)
            .map(({ filingId: _, ...s }) => ({ ...s, name: whole ? s.name : maskPersonName(s.name) })),
          documents: documents.filter((d) => d.filingId === f.id).map(({ filingId: _, ...d }) => d),
          closure: closure ?? null,
        };
      }),
    };
  }

  /** Writes one version: its row, classes, staff and documents, due in 5 working days. */
  async function writeVersion(
    tx: Conn,
    a: Actor,
    institutionId: number,
    version: number,
    kind: FilingKind,
    content: StoredContent,
    classes: readonly ChildcareClassInput[],
    staff: readonly ChildcareStaffInput[],
    documentIds: readonly number[],
    cal: WorkingDayCalendar,
  ): Promise<{ receivedOn: string; reviewDeadline: string }> {
    const receivedOn = today();
    const reviewDeadline = filingReviewDeadline(receivedOn, cal);
    const filingId = await repo.insertFiling(tx, {
      institutionId,
      version,
      kind,
      regionCode: content.regionCode,
      content,
      receivedOn,
      reviewDeadline,
      submittedBy: a.user.id,
      submittedByName: a.user.displayName,
    });
    await repo.insertClassesAndStaff(tx, filingId, content.regionCode, classes, staff);
    const unique = [...new Set(documentIds)];
    if ((await repo.claimDocuments(tx, filingId, a.user.id, unique)) !== unique.length)
      throw childcareError('childcare.document');
    return { receivedOn, reviewDeadline };
  }

  /** The checks every filing and change passes before anything is written. */
  function checked(a: Actor, body: FilingContentBody): FilingContentBody {
    const code = body.regionCode;
    if (!regions.exists(code) || !code.startsWith(a.user.jurisdictionCode)) throw childcareError('childcare.region');
    const breaches = checkFiling(body, today());
    if (breaches.length > 0) throw rulesError(breaches);
    const uscc = parseUscc(body.uscc);
    return { ...body, uscc: uscc.ok ? uscc.value.uscc : body.uscc };
  }

  return {
    /** A first filing, a change, or the correction of a sent-back version: each a new version. */
    async submit(a: Actor, body: FilingSubmitBody): Promise<InstitutionDetail> {
      const { classes, staff, ...content } = checked(a, body.content);
      // Read before the transaction: on PGlite's one connection a read outside it would wait for it.
      const cal = await calendar.current();
      try {
        return await scoped(a.user, async (tx) => {
          let id: number;
          let version = 1;
          let kind: FilingKind = 'filing';
          if (body.institutionId === undefined) {
            id = await repo.insertInstitution(tx, {
              uscc: content.uscc,
              regionCode: content.regionCode,
              ownerUserId: a.user.id,
              name: content.name,
            });
          } else {
            const inst = await institutionFor(tx, a.user, body.institutionId, true);
            if (inst.status === 'closed') throw childcareError('childcare.closed');
            if (inst.uscc !== content.uscc) throw childcareError('childcare.usccChanged');
            const [latest] = await repo.listFilings(tx, inst.id);
            if (latest?.state === 'received') throw childcareError('childcare.pendingVersion');
            if (latest?.state === 'sentBack') await repo.markResubmitted(tx, latest.id);
            id = inst.id;
            version = (latest?.version ?? 0) + 1;
            kind = inst.filedVersion === null ? 'filing' : 'change';
          }
          const due = await writeVersion(
            tx,
            a,
            id,
            version,
            kind,
            content,
            classes,
            staff,
            body.documentIds ?? [],
            cal,
          );
          await audit(tx, a, kind === 'filing' ? 'childcare.file' : 'childcare.change', id, { version, ...due });
          return detailIn(tx, a.user, id);
        });
      } catch (e) {
        if (isUniqueViolation(e, 'childcare_institutions_uscc_uq')) throw childcareError('childcare.usccTaken');
        throw e;
      }
    },

    /** Closure (关停) is filed as a version too: the content in force with the closing date and where the children went. */
    async close(a: Actor, id: number, body: ClosureBody): Promise<InstitutionDetail> {
      if (body.closedOn > today()) throw childcareError('childcare.futureClosure');
      const cal = await calendar.current();
      return scoped(a.user, async (tx) => {
        const inst = await institutionFor(tx, a.user, id, true);
        if (inst.status === 'closed') throw childcareError('childcare.closed');
        if (inst.filedVersion === null) throw childcareError('childcare.notFiled');
        const filings = await repo.listFilings(tx, id);
        const latest = filings[0]!;
        if (latest.state === 'received') throw childcareError('childcare.pendingVersion');
        if (latest.state === 'sentBack') await repo.markResubmitted(tx, latest.id);
        const inForce = filings.find((f) => f.version === inst.filedVersion)!;
        const { closure: _, ...content } = inForce.content as StoredContent;
        const version = latest.version + 1;
        const due = await writeVersion(tx, a, id, version, 'closure', { ...content, closure: body }, [], [], [], cal);
        await audit(tx, a, 'childcare.close', id, { version, closedOn: body.closedOn, ...due });
        return detailIn(tx, a.user, id);
      });
    },

    /** The county completes a version (备案): the institution's record in force from now. */
    async complete(a: Actor, filingId: number): Promise<InstitutionDetail> {
      return scoped(a.user, async (tx) => {
        const f = await repo.findFiling(tx, filingId);
        if (!f) throw childcareError('childcare.notFound');
        await repo.findInstitution(tx, f.institutionId, true);
        const day = today();
        const again = await repo.findFiling(tx, filingId);
        if (again!.state !== 'received') throw childcareError('childcare.notReceived');
        await repo.decideFiling(tx, filingId, {
          state: 'filed',
          decidedOn: day,
          decidedBy: a.user.id,
          decidedByName: a.user.displayName,
        });
        const content = f.content as StoredContent;
        await repo.updateInstitution(tx, f.institutionId, {
          name: content.name,
          regionCode: content.regionCode,
          status: f.kind === 'closure' ? 'closed' : 'filed',
          filedVersion: f.version,
          ...(f.kind === 'closure' ? { closedOn: content.closure!.closedOn } : {}),
          assignFilingNo: filingNoPrefix(content.regionCode),
        });
        await audit(tx, a, 'childcare.complete', f.institutionId, {
          version: f.version,
          kind: f.kind,
          reviewDeadline: f.reviewDeadline,
          onTime: day <= f.reviewDeadline,
        });
        return detailIn(tx, a.user, f.institutionId);
      });
    },

    /** The county sends a version back with what to correct; the institution has 15 working days. */
    async sendBack(a: Actor, filingId: number, reason: string): Promise<InstitutionDetail> {
      const cal = await calendar.current();
      return scoped(a.user, async (tx) => {
        const f = await repo.findFiling(tx, filingId);
        if (!f) throw childcareError('childcare.notFound');
        await repo.findInstitution(tx, f.institutionId, true);
        const again = await repo.findFiling(tx, filingId);
        if (again!.state !== 'received') throw childcareError('childcare.notReceived');
        const day = today();
        const correctionDeadline = filingCorrectionDeadline(day, cal);
        await repo.decideFiling(tx, filingId, {
          state: 'sentBack',
          decidedOn: day,
          decidedBy: a.user.id,
          decidedByName: a.user.displayName,
          sendBackReason: reason.trim(),
          correctionDeadline,
        });
        await audit(tx, a, 'childcare.sendBack', f.institutionId, { version: f.version, correctionDeadline });
        return detailIn(tx, a.user, f.institutionId);
      });
    },

    /** One institution with every version; a view of staff names is audited. */
    async detail(a: Actor, id: number): Promise<InstitutionDetail> {
      return scoped(a.user, async (tx) => {
        const d = await detailIn(tx, a.user, id);
        await audit(tx, a, 'childcare.view', id);
        return d;
      });
    },

    async mine(user: SessionUser) {
      return scoped(user, async (tx) => {
        const ids = await repo.listOwnInstitutions(tx, user.id);
        const items: InstitutionDetail[] = [];
        for (const id of ids) items.push(await detailIn(tx, user, id));
        return { items };
      });
    },

    scoped,
    today,
  };
}

export type ChildcareService = ReturnType<typeof createChildcareService>;
