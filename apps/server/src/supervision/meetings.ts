import type { MeetingBody, MeetingList, MeetingView } from '@cradle/contract';
import { chinaDateOf, meetingRuleMet } from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { supervisionError } from './errors.js';
import * as repo from './repo.js';
import { countyOf, type Actor } from './service.js';
import { createKeyTask } from './tasks.js';

// The joint meeting (004 annex 1 三): 全体会议 and 专题会议, minutes (纪要) signed by the convener,
// and decisions (议定事项) that become key tasks of their owner units, tracked as any other.

interface MeetingRow {
  id: number;
  kind: 'plenary' | 'topical';
  title: string;
  heldOn: string;
  chair: string;
  minutes: string;
  signedBy: string;
  recordedByName: string;
}

async function listIn(tx: Conn): Promise<MeetingView[]> {
  const rows = await tx.query<MeetingRow>(
    `SELECT id::int AS id, kind, title, held_on::text AS "heldOn", chair, minutes, signed_by AS "signedBy",
       recorded_by_name AS "recordedByName" FROM supervision_meetings ORDER BY held_on DESC, id DESC`,
  );
  const attendees = await tx.query<{ meetingId: number; unitId: number; name: string }>(
    `SELECT a.meeting_id::int AS "meetingId", a.unit_id::int AS "unitId", u.name
     FROM supervision_meeting_attendees a JOIN supervision_units u ON u.id = a.unit_id ORDER BY u.id`,
  );
  const decisions = await tx.query<{ meetingId: number; id: number }>(
    `SELECT meeting_id::int AS "meetingId", id::int AS id FROM supervision_tasks WHERE meeting_id IS NOT NULL ORDER BY id`,
  );
  return rows.map((m) => ({
    ...m,
    attendees: attendees.filter((x) => x.meetingId === m.id).map(({ unitId, name }) => ({ unitId, name })),
    decisionTaskIds: decisions.filter((d) => d.meetingId === m.id).map((d) => d.id),
  }));
}

export function createSupervisionMeetings(database: Database, now: () => Date) {
  const scoped = <T>(user: SessionUser, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, fn);
  return {
    /** Meetings, and whether each year since the plan's issue had one (000 三; 004 (二十三), annex 2 #28). */
    list: (user: SessionUser): Promise<MeetingList> =>
      scoped(user, async (tx) => {
        const items = await listIn(tx);
        const [plan] = await repo.findPlanEnd(tx);
        const thisYear = Number(chinaDateOf(now()).slice(0, 4));
        const first = plan ? Number(plan.issuedOn.slice(0, 4)) : thisYear;
        const held = items.map((m) => m.heldOn);
        const yearly = [];
        for (let y = thisYear; y >= first; y--)
          yearly.push({
            year: y,
            met: meetingRuleMet(held, y),
            meetings: held.filter((d) => d.startsWith(String(y))).length,
          });
        return { items, yearly };
      }),

    /** Records a held meeting with its signed minutes; each decision becomes its owners' task. */
    async record(a: Actor, body: MeetingBody): Promise<MeetingView> {
      if (body.heldOn > chinaDateOf(now())) throw supervisionError('supervision.futureMeeting');
      if (body.decisions.some((d) => d.text.trim() === '' || d.ownerUnitIds.length === 0))
        throw supervisionError('supervision.emptyDecision');
      return scoped(a.user, async (tx) => {
        const units = new Map((await repo.listUnits(tx)).map((u) => [u.id, u.name]));
        const chosen = [...body.attendeeUnitIds, ...body.decisions.flatMap((d) => d.ownerUnitIds)];
        if (chosen.some((id) => !units.has(id))) throw supervisionError('supervision.unknownUnit');
        const county = countyOf(a.user);
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO supervision_meetings (region_code, kind, title, held_on, chair, minutes, signed_by, recorded_by, recorded_by_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int AS id`,
          [
            county,
            body.kind,
            body.title,
            body.heldOn,
            body.chair,
            body.minutes,
            body.signedBy,
            a.user.id,
            a.user.displayName,
          ],
        );
        const meetingId = Number(row!.id);
        if (body.attendeeUnitIds.length)
          await tx.query(
            `INSERT INTO supervision_meeting_attendees (meeting_id, unit_id, region_code)
             SELECT $1, u, $3 FROM unnest($2::bigint[]) AS u`,
            [meetingId, body.attendeeUnitIds, county],
          );
        const taskIds: number[] = [];
        for (const [i, d] of body.decisions.entries())
          taskIds.push(
            await createKeyTask(
              tx,
              {
                regionCode: county,
                source: 'decision',
                clause: `${body.title} 议定事项${i + 1}`,
                text: d.text.trim(),
                dueOn: d.dueOn,
                dueBasis: 'set',
                meetingId,
                createdBy: a.user.id,
                leadUnitIds: d.ownerUnitIds,
              },
              units,
            ),
          );
        await appendAudit(tx, {
          userId: a.user.id,
          username: a.user.username,
          jurisdictionCode: a.user.jurisdictionCode,
          clientIp: a.clientIp,
          action: 'supervision.recordMeeting',
          targetType: 'jointMeeting',
          targetId: String(meetingId),
          outcome: 'success',
          details: {
            kind: body.kind,
            heldOn: body.heldOn,
            attendees: body.attendeeUnitIds.length,
            decisionTaskIds: taskIds,
          },
        });
        return (await listIn(tx)).find((m) => m.id === meetingId)!;
      });
    },
  };
}

export type SupervisionMeetings = ReturnType<typeof createSupervisionMeetings>;
