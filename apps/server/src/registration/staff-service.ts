import { chinaDateOf, parseIdNumber } from '@cradle/domain';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import type { Conn } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import { enqueueNotifications } from '../notifications/index.js';
import { AppError } from '../errors.js';
import { registrationError } from './errors.js';
import { freeText } from './free-text.js';
import * as notify from './notify.js';
import { digestOf, renderRegistrationReceipt, verifyUrlOf } from './receipt.js';
import {
  countQueue,
  findRegistration,
  findRegistrations,
  listQueue,
  saveCompleted,
  saveInfoRequest,
  type RegistrationRow,
} from './repo.js';
import type {
  RegistrationBulkCompleteResult,
  RegistrationQueueQuery,
  RegistrationQueue,
  StaffRegistrationDetail,
} from '@cradle/contract';
import { readRegistryMatches } from './registry-matches.js';
import { staffDetailOf } from './staff-detail.js';
import { queueItemOf } from './views.js';

const TARGET = 'childbirthRegistration';
const NOTE = { zh: '办结说明', en: 'Note' };

const SKIPPED = {
  notFound: { zh: '未找到，或不在您的辖区内', en: 'Not found, or not in your jurisdiction' },
  completed: { zh: '已办结', en: 'Already completed' },
  waitingForFamily: { zh: '正在等待家庭补充信息', en: 'Waiting for the family to send more information' },
  hasConflicts: {
    zh: '与人口库存在不一致，请逐件核实并填写办结说明',
    en: 'Has registry conflicts: complete it on its own, with a note',
  },
} as const;

/** The township's side: the queue, a registration with its registry check, completion with a receipt, requests for more information. */
export function createStaffRegistrationService(deps: FamilyServiceDeps, now: () => Date) {
  const { database, regions, pii } = deps;
  const today = () => chinaDateOf(now());
  const actor = (user: SessionUser, clientIp: string) => ({
    userId: user.id,
    username: user.username,
    jurisdictionCode: user.jurisdictionCode,
    clientIp,
  });

  /** A refused look-up (outside the jurisdiction, or no such id) is recorded, after the rollback, as registry look-ups are. */
  async function audited<T>(
    user: SessionUser,
    action: string,
    id: number,
    clientIp: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError && err.code === 'registration.notFound') {
        await appendAudit(database, {
          ...actor(user, clientIp),
          action: `${TARGET}.${action}`,
          targetType: TARGET,
          targetId: String(id),
          outcome: 'denied',
        });
      }
      throw err;
    }
  }

  async function getOwn(tx: Conn, id: number, forUpdate = false): Promise<RegistrationRow> {
    const row = await findRegistration(tx, id, forUpdate);
    if (!row) throw registrationError('registration.notFound');
    return row;
  }

  /** Completes rows already checked and locked: one statement, a receipt digest each, the family told, each audited (at once: the answer shows the history). */
  /** `shownPersonIds`: the registry persons whose records the response shows (a single completion returns the detail). */
  async function complete(
    tx: Conn,
    user: SessionUser,
    rows: RegistrationRow[],
    note: string | null,
    baseUrl: string,
    clientIp: string,
    shownPersonIds?: number[],
  ): Promise<RegistrationRow[]> {
    // The issue time is part of the receipt: stored to the millisecond, so the verifier recomputes the same digest.
    const completedAt = new Date(now().getTime());
    const done = rows.map((r) => ({
      ...r,
      status: 'completed' as const,
      completedAt,
      completedByName: user.displayName,
      workerNote: note ?? r.workerNote,
      receiptDigest: digestOf(r, completedAt),
    }));
    await saveCompleted(tx, {
      ids: done.map((r) => r.id),
      digests: done.map((r) => r.receiptDigest),
      completedAt,
      userId: user.id,
      userName: user.displayName,
      note,
    });
    await enqueueNotifications(
      tx,
      done.flatMap((r) => notify.completed(r, verifyUrlOf(deps.keys, r, baseUrl))),
    );
    for (const r of done) {
      await appendAudit(
        tx,
        {
          ...actor(user, clientIp),
          action: `${TARGET}.complete`,
          targetType: TARGET,
          targetId: String(r.id),
          outcome: 'success',
          details: {
            registrationNo: r.registrationNo,
            conflicts: r.conflicts.length,
            bulk: rows.length > 1,
            ...(note ? { message: note } : {}),
            ...(shownPersonIds ? { registryPersonIds: shownPersonIds } : {}),
          },
        },
        'now',
      );
    }
    return done;
  }

  return {
    async queue(user: SessionUser, q: RegistrationQueueQuery): Promise<RegistrationQueue> {
      const on = today();
      // A full ID number searches by its blind index: the only way to find an encrypted number.
      const id = q.q ? parseIdNumber(q.q) : null;
      return withScope(database, user, async (tx) => {
        const { total, rows } = await listQueue(
          tx,
          { ...q, idBlindIndex: id?.ok ? pii.idBlindIndex(id.value.idNumber) : null },
          on,
        );
        return {
          total,
          page: q.page,
          pageSize: q.pageSize,
          items: rows.map((r) => queueItemOf(regions, r, on)),
          counts: await countQueue(tx, on),
        };
      });
    },

    async detail(user: SessionUser, id: number, clientIp: string): Promise<StaffRegistrationDetail> {
      return audited(user, 'view', id, clientIp, () =>
        withScope(database, user, async (tx) => {
          const row = await getOwn(tx, id);
          const registry = await readRegistryMatches(tx, deps, row, today());
          // The registry persons shown by ID number, wherever registered: whose records were read.
          await appendAudit(tx, {
            ...actor(user, clientIp),
            action: `${TARGET}.view`,
            targetType: TARGET,
            targetId: String(id),
            outcome: 'success',
            details: { registryPersonIds: registry.personIds },
          });
          return staffDetailOf(tx, deps, row, today(), registry);
        }),
      );
    },

    async requestInfo(
      user: SessionUser,
      id: number,
      message: string,
      clientIp: string,
    ): Promise<StaffRegistrationDetail> {
      const text = freeText('message', { zh: '需补充的信息', en: 'Request' }, message, true)!;
      const result = await audited(user, 'requestInfo', id, clientIp, () =>
        withScope(database, user, async (tx) => {
          const row = await getOwn(tx, id, true);
          if (row.status === 'completed') throw registrationError('registration.completed');
          await saveInfoRequest(tx, id, text);
          await enqueueNotifications(tx, notify.infoRequested(row, text));
          const registry = await readRegistryMatches(tx, deps, row, today());
          await appendAudit(
            tx,
            {
              ...actor(user, clientIp),
              action: `${TARGET}.requestInfo`,
              targetType: TARGET,
              targetId: String(id),
              outcome: 'success',
              details: { message: text, registryPersonIds: registry.personIds },
            },
            'now',
          );
          // The answer shows the history, this request included: the entry above is written at once.
          return staffDetailOf(tx, deps, { ...row, status: 'infoRequested', infoRequest: text }, today(), registry);
        }),
      );
      deps.dispatcher.kick();
      return result;
    },

    /** No approval exists for 生育登记: the worker completes it, after settling any conflict in a note. */
    async complete(
      user: SessionUser,
      id: number,
      rawNote: string | undefined,
      baseUrl: string,
      clientIp: string,
    ): Promise<StaffRegistrationDetail> {
      const note = freeText('note', NOTE, rawNote, false);
      const result = await audited(user, 'complete', id, clientIp, () =>
        withScope(database, user, async (tx) => {
          const row = await getOwn(tx, id, true);
          if (row.status === 'completed') throw registrationError('registration.completed');
          if (row.conflicts.length > 0 && note === null) throw registrationError('registration.noteRequired');
          const registry = await readRegistryMatches(tx, deps, row, today());
          const [done] = await complete(tx, user, [row], note, baseUrl, clientIp, registry.personIds);
          return staffDetailOf(tx, deps, done!, today(), registry);
        }),
      );
      deps.dispatcher.kick();
      return result;
    },

    /** Completes those without conflicts; the rest are reported with the reason, for one-by-one handling. */
    async bulkComplete(
      user: SessionUser,
      ids: number[],
      baseUrl: string,
      clientIp: string,
    ): Promise<RegistrationBulkCompleteResult> {
      const unique = [...new Set(ids)];
      const result = await withScope(database, user, async (tx) => {
        const rows = await findRegistrations(tx, unique);
        const reasonOf = (id: number): keyof typeof SKIPPED | null => {
          const r = rows.find((x) => x.id === id);
          if (!r) return 'notFound';
          if (r.status !== 'submitted') return r.status === 'completed' ? 'completed' : 'waitingForFamily';
          return r.conflicts.length > 0 ? 'hasConflicts' : null;
        };
        const skipped = unique.flatMap((id) => {
          const reason = reasonOf(id);
          return reason ? [{ id, reason, message: SKIPPED[reason] }] : [];
        });
        const ready = rows.filter((r) => reasonOf(r.id) === null);
        const refused = skipped.filter((x) => x.reason === 'notFound').map((x) => x.id);
        if (refused.length > 0) {
          await appendAudit(tx, {
            ...actor(user, clientIp),
            action: `${TARGET}.complete`,
            targetType: TARGET,
            targetId: null,
            outcome: 'denied',
            details: { ids: refused, bulk: true },
          });
        }
        if (ready.length > 0) await complete(tx, user, ready, null, baseUrl, clientIp);
        return { completed: ready.map((r) => r.id), skipped };
      });
      deps.dispatcher.kick();
      return result;
    },

    async receipt(
      user: SessionUser,
      id: number,
      baseUrl: string,
      clientIp: string,
    ): Promise<{ number: string; pdf: Buffer }> {
      const row = await audited(user, 'receipt', id, clientIp, () =>
        withScope(database, user, async (tx) => {
          const found = await getOwn(tx, id);
          if (found.status !== 'completed') throw registrationError('registration.notCompleted');
          await appendAudit(tx, {
            ...actor(user, clientIp),
            action: `${TARGET}.receipt`,
            targetType: TARGET,
            targetId: String(id),
            outcome: 'success',
          });
          return found;
        }),
      );
      return { number: row.registrationNo, pdf: await renderRegistrationReceipt(deps.keys, regions, row, baseUrl) };
    },
  };
}

export type StaffRegistrationService = ReturnType<typeof createStaffRegistrationService>;
