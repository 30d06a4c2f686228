import type { LiaisonCandidateList, SeatChangeBody, UnitList, UnitView } from '@cradle/contract';
import { SUPERVISION_LIAISON_ROLES } from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { supervisionError } from './errors.js';
import * as repo from './repo.js';
import { countyOf, type Actor } from './service.js';

/**
 * The unit directory: units with their seats on the joint meeting and their liaisons. Liaisons
 * are read from users as the owner (cradle_app has no grant on users), limited to the county by
 * an explicit filter: department operators of the unit's department, and users the office named.
 */
export function createSupervisionDirectory(database: Database) {
  // Read before the scoped transaction opens, never inside it: PGlite has one connection, and an
  // owner query waiting on it while the transaction holds it would never run.
  async function liaisonUsers(county: string) {
    return database.query<{ id: number; displayName: string; department: string | null; roles: string[] }>(
      `SELECT id::int AS id, display_name AS "displayName", department, roles FROM users
       WHERE active AND jurisdiction_code = $1`,
      [county],
    );
  }
  type LiaisonUser = Awaited<ReturnType<typeof liaisonUsers>>[number];

  async function unitsIn(tx: Conn, users: LiaisonUser[]): Promise<UnitView[]> {
    const units = await repo.listUnits(tx);
    const seats = await repo.listSeats(tx);
    const named = await repo.listNamedLiaisons(tx);
    const liaisons = (u: repo.UnitRow) => [
      ...users
        .filter((x) => u.department && x.department === u.department && x.roles.includes('departmentOperator'))
        .map((x) => ({ userId: x.id, displayName: x.displayName, byDepartment: true })),
      ...named
        .filter((n) => n.unitId === u.id)
        .flatMap((n) => users.filter((x) => x.id === n.userId))
        .map((x) => ({ userId: x.id, displayName: x.displayName, byDepartment: false })),
    ];
    return units.map((u) => ({
      ...u,
      seats: seats.filter((s) => s.unitId === u.id).map(({ unitId: _, ...s }) => s),
      liaisons: liaisons(u),
    }));
  }

  /**
   * Who may be named a unit's liaison: an active department operator of the county itself (the
   * liaison's view is the department operator's; township and village staff see no supervision
   * route). Refused, with nothing written: an unknown or disabled user, one outside the county,
   * one of another role. Read as the owner, before the scoped transaction (see liaisonUsers).
   */
  async function nameable(county: string, userId: number) {
    const [u] = await database.query<{ jurisdiction: string; roles: string[]; active: boolean }>(
      'SELECT jurisdiction_code AS jurisdiction, roles, active FROM users WHERE id = $1',
      [userId],
    );
    if (!u || !u.active) throw supervisionError('supervision.unknownLiaison');
    if (!u.jurisdiction.startsWith(county)) throw supervisionError('supervision.liaisonOutsideCounty');
    if (u.jurisdiction !== county || !u.roles.some((r) => SUPERVISION_LIAISON_ROLES.includes(r as never)))
      throw supervisionError('supervision.liaisonRole');
  }

  async function findUnit(tx: Conn, unitId: number) {
    const unit = (await repo.listUnits(tx)).find((u) => u.id === unitId);
    if (!unit) throw supervisionError('supervision.notFound');
    return unit;
  }

  const audit = (tx: Conn, a: Actor, action: string, unitId: number, details: Record<string, unknown>) =>
    appendAudit(tx, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action,
      targetType: 'unit',
      targetId: String(unitId),
      outcome: 'success',
      details,
    });

  return {
    async list(user: SessionUser): Promise<UnitList> {
      const users = await liaisonUsers(countyOf(user));
      return withScope(database, { jurisdictionCode: user.jurisdictionCode }, async (tx) => ({
        items: await unitsIn(tx, users),
      }));
    },

    /**
     * A seat changes hands (004 annex 1 一: 自行递补,并报联席会议办公室备案): the current seat of that
     * position closes the day before and the new one is filed; the old one stays as history.
     */
    async changeSeat(a: Actor, unitId: number, body: SeatChangeBody): Promise<UnitView> {
      const users = await liaisonUsers(countyOf(a.user));
      return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
        await findUnit(tx, unitId);
        const closed = await tx.query<{ id: number }>(
          `UPDATE supervision_memberships SET until_on = GREATEST(since_on, $3::date - 1)
           WHERE unit_id = $1 AND position = $2 AND until_on IS NULL RETURNING id::int AS id`,
          [unitId, body.position, body.sinceOn],
        );
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO supervision_memberships (region_code, unit_id, position, post, since_on, note, filed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int AS id`,
          [countyOf(a.user), unitId, body.position, body.post, body.sinceOn, body.note, a.user.id],
        );
        await appendAudit(tx, {
          userId: a.user.id,
          username: a.user.username,
          jurisdictionCode: a.user.jurisdictionCode,
          clientIp: a.clientIp,
          action: 'supervision.changeSeat',
          targetType: 'unit',
          targetId: String(unitId),
          outcome: 'success',
          details: { seatId: row!.id, closed: closed.map((c) => c.id), position: body.position, post: body.post },
        });
        return (await unitsIn(tx, users)).find((u) => u.id === unitId)!;
      });
    },

    /** The users the office may name as liaisons: the county's department operators. */
    async liaisonCandidates(user: SessionUser): Promise<LiaisonCandidateList> {
      const users = await liaisonUsers(countyOf(user));
      return {
        items: users
          .filter((u) => u.roles.some((r) => SUPERVISION_LIAISON_ROLES.includes(r as never)))
          .map((u) => ({ userId: u.id, displayName: u.displayName, department: u.department }))
          .sort((x, y) => (x.department ?? '').localeCompare(y.department ?? '') || x.userId - y.userId),
      };
    },

    /**
     * The office names a liaison of a unit (004 annex 1 一: 联络员): they then see and report on
     * the unit's tasks. A user already its liaison, named or by department, is refused.
     */
    async nameLiaison(a: Actor, unitId: number, userId: number): Promise<UnitView> {
      const county = countyOf(a.user);
      await nameable(county, userId);
      const users = await liaisonUsers(county);
      return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
        await findUnit(tx, unitId);
        const before = (await unitsIn(tx, users)).find((u) => u.id === unitId)!;
        if (before.liaisons.some((l) => l.userId === userId)) throw supervisionError('supervision.duplicateLiaison');
        const added = await tx.query(
          `INSERT INTO supervision_liaisons (unit_id, user_id, region_code) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING user_id`,
          [unitId, userId, county],
        );
        if (added.length === 0) throw supervisionError('supervision.duplicateLiaison');
        await audit(tx, a, 'supervision.nameLiaison', unitId, { userId });
        return (await unitsIn(tx, users)).find((u) => u.id === unitId)!;
      });
    },

    /** The office removes a liaison it named; a department's operators stay with their department. */
    async removeLiaison(a: Actor, unitId: number, userId: number): Promise<UnitView> {
      const users = await liaisonUsers(countyOf(a.user));
      return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
        await findUnit(tx, unitId);
        const removed = await tx.query(
          'DELETE FROM supervision_liaisons WHERE unit_id = $1 AND user_id = $2 RETURNING user_id',
          [unitId, userId],
        );
        if (removed.length === 0) throw supervisionError('supervision.notNamedLiaison');
        await audit(tx, a, 'supervision.removeLiaison', unitId, { userId });
        return (await unitsIn(tx, users)).find((u) => u.id === unitId)!;
      });
    },
  };
}

export type SupervisionDirectory = ReturnType<typeof createSupervisionDirectory>;
