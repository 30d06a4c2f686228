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

const DEFAULT_SOURCE = '国务院办公厅关于2026年部分节假日安排的通知';

interface Row {
  day: string;
  kind: 'holiday' | 'makeupWorkday';
  festival_zh: string;
  festival_en: string;
  source: string;
}

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
  const [{ n }] = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_days')) as [
    { n: number },
  ];
  if (n === 0) {
    const days = calendarDaysOf(CHINA_2026_FESTIVALS);
    await database.query(
      `INSERT INTO calendar_days (day, kind, festival_zh, festival_en, source)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (day) DO NOTHING`,
      [
        days.map((d) => d.date),
        days.map((d) => d.kind),
        days.map((d) => d.festival.zh),
        days.map((d) => d.festival.en),
        days.map(() => DEFAULT_SOURCE),
      ],
    );
  }

  let cached: WorkingDayCalendar | null = null;
  const entries = async (): Promise<CalendarEntry[]> =>
    (
      await database.query<Row>(
        'SELECT day::text AS day, kind, festival_zh, festival_en, source FROM calendar_days ORDER BY day',
      )
    ).map((r) => ({
      date: r.day,
      kind: r.kind,
      festival: { zh: r.festival_zh, en: r.festival_en },
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
        await tx.query(
          `INSERT INTO calendar_days (day, kind, festival_zh, festival_en, source) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, festival_zh = EXCLUDED.festival_zh, festival_en = EXCLUDED.festival_en, source = EXCLUDED.source`,
          [entry.date, entry.kind, entry.festival.zh, entry.festival.en, entry.source],
        );
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
        const gone = await tx.query('DELETE FROM calendar_days WHERE day = $1::date RETURNING day', [date]);
        if (gone.length === 0) throw calendarError('calendar.notFound');
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
