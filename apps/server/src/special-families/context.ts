import { chinaDateOf, DEFAULT_VISIT_INTERVAL_MONTHS } from '@cradle/domain';
import type { SpecialFamilyFileDetail } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { Pii } from '../crypto/pii.js';
import type { SessionUser } from '../auth/index.js';
import { specialFamilyError } from './errors.js';
import * as repo from './repo.js';
import { findContacts, findHistory, findServices, findVisits, listFiles } from './views-repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

export const audit = (a: Actor, action: string, targetId: string | null, details: Record<string, unknown> | null) => ({
  userId: a.user.id,
  username: a.user.username,
  jurisdictionCode: a.user.jurisdictionCode,
  clientIp: a.clientIp,
  action,
  targetType: 'specialFamilyFile',
  targetId,
  outcome: 'success' as const,
  details,
});

/** A village worker reads only the files they are a contact of (issue 16: "its own contacts"). */
export const contactOnly = (user: SessionUser) =>
  user.roles.some((r) => r === 'countyAdmin' || r === 'townshipWorker') ? null : user.id;

/** What the service's parts share: the database, the clock, the scope and a file as its readers see it. */
export function createContext(database: Database, pii: Pii, now: () => Date) {
  const scoped = <T>(a: Actor, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, fn);
  const today = () => chinaDateOf(now());

  async function intervalFor(tx: Conn, regionCode: string): Promise<number> {
    return (await repo.findVisitInterval(tx, regionCode))?.months ?? DEFAULT_VISIT_INTERVAL_MONTHS;
  }

  /** A file as the actor may see it, or notFound. */
  async function detailIn(tx: Conn, a: Actor, id: number): Promise<SpecialFamilyFileDetail> {
    const [f] = await listFiles(tx, { ids: [id], contactUserId: contactOnly(a.user), today: today() }, 1, 0);
    if (!f) throw specialFamilyError('specialFamily.notFound');
    const { proposedBy, ...summary } = f;
    return {
      ...summary,
      mine: proposedBy === a.user.id,
      visitIntervalMonths: await intervalFor(tx, f.regionCode),
      contacts: (await findContacts(tx, id)).map(({ userId: _u, ...c }) => c),
      visits: await findVisits(tx, id, today()),
      services: await findServices(tx, id),
      history: await findHistory(tx, id),
    };
  }

  return { database, pii, now, scoped, today, intervalFor, detailIn };
}

export type Context = ReturnType<typeof createContext>;
