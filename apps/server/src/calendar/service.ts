import {
  calendarDaysOf,
  CHINA_2026_FESTIVALS,
  isCalendarDate,
  workingDayCalendarOf,
  type CalendarDay,
  type WorkingDayCalendar,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { calendarError } from './errors.js';
import {
  countCalendarDays,
  deleteCalendarDay,
  insertCalendarDays,
  listCalendarDays,
  upsertCalendarDay,
} from './repo.js';

const DEFAULT_SOURCE = '国务院办公厅关于2026年部分节假日安排的通知';

export interface CalendarEntry extends CalendarDay {
  source: string;
}

/**
 * The working-day calendar behind every processing deadline (issue 4: "a working-day calendar
 * with configurable public holidays"). Deployment-wide reference data, like the region tree:
 * read unscoped and cached; administrators add next year's days when the State Council
 * publishes them. Seeded once with the 2026 arrangement from the domain package.
 */
export async function createCalendarService(database: Database) {
  if ((await countCalendarDays(database)) === 0) {
    await insertCalendarDays(
      database,
      calendarDaysOf(CHINA_2026_FESTIVALS).map((d) => ({
        day: d.date,
        kind: d.kind,
        festivalZh: d.festival.zh,
        festivalEn: d.festival.en,
        source: DEFAULT_SOURCE,
      })),
    );
  }

  let cached: WorkingDayCalendar | null = null;
  const entries = async (): Promise<CalendarEntry[]> =>
    (await listCalendarDays(database)).map((r) => ({
      date: r.day,
      kind: r.kind,
      festival: { zh: r.festivalZh, en: r.festivalEn },
      source: r.source,
    }));

  return {
    async current(): Promise<WorkingDayCalendar> {
      cached ??= workingDayCalendarOf(await entries());
      return cached;
    },

    async list(year: number): Promise<CalendarEntry[]> {
      return (await entries()).filter((e) => e.date.startsWith(`${year}-`));
    },

    async set(user: SessionUser, entry: CalendarEntry, clientIp: string): Promise<void> {
      if (!isCalendarDate(entry.date)) throw calendarError('calendar.dateInvalid');
      await database.transaction(async (tx) => {
        await upsertCalendarDay(tx, {
          day: entry.date,
          kind: entry.kind,
          festivalZh: entry.festival.zh,
          festivalEn: entry.festival.en,
          source: entry.source,
        });
        await appendAudit(tx, {
          userId: user.id,
          username: user.username,
          jurisdictionCode: user.jurisdictionCode,
          clientIp,
          action: 'calendar.set',
          targetType: 'calendarDay',
          targetId: entry.date,
          outcome: 'success',
          details: { kind: entry.kind },
        });
      });
      cached = null;
    },

    async remove(user: SessionUser, date: string, clientIp: string): Promise<void> {
      await database.transaction(async (tx) => {
        if (!(await deleteCalendarDay(tx, date))) throw calendarError('calendar.notFound');
        await appendAudit(tx, {
          userId: user.id,
          username: user.username,
          jurisdictionCode: user.jurisdictionCode,
          clientIp,
          action: 'calendar.remove',
          targetType: 'calendarDay',
          targetId: date,
          outcome: 'success',
        });
      });
      cached = null;
    },
  };
}

export type CalendarService = Awaited<ReturnType<typeof createCalendarService>>;
