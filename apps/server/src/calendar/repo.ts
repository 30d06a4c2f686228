import type { Conn } from '../db/client.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { calendarDays } from '../db/schema.js';

export type CalendarRow = RowOf<typeof calendarDays, 'day' | 'kind' | 'festivalZh' | 'festivalEn' | 'source'>;

export async function countCalendarDays(conn: Conn): Promise<number> {
  const rows = await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_days');
  return Number(rows[0]!.n);
}

/** Every day, in order. The date as text: a `date` column would come back as a midnight Date. */
export async function listCalendarDays(conn: Conn): Promise<CalendarRow[]> {
  return conn.query<CalendarRow>(
    `SELECT day::text AS day, ${columnsOf(calendarDays, ['kind', 'festivalZh', 'festivalEn', 'source'])}
       FROM calendar_days ORDER BY day`,
  );
}

/** Adds the days a first start seeds; days already there (a second process starting) are kept. */
export async function insertCalendarDays(conn: Conn, days: readonly CalendarRow[]): Promise<void> {
  await conn.query(
    `INSERT INTO calendar_days (day, kind, festival_zh, festival_en, source)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (day) DO NOTHING`,
    [
      days.map((d) => d.day),
      days.map((d) => d.kind),
      days.map((d) => d.festivalZh),
      days.map((d) => d.festivalEn),
      days.map((d) => d.source),
    ],
  );
}

export async function upsertCalendarDay(conn: Conn, d: CalendarRow): Promise<void> {
  await conn.query(
    `INSERT INTO calendar_days (day, kind, festival_zh, festival_en, source) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, festival_zh = EXCLUDED.festival_zh, festival_en = EXCLUDED.festival_en, source = EXCLUDED.source`,
    [d.day, d.kind, d.festivalZh, d.festivalEn, d.source],
  );
}

/** False when there was no such day. */
export async function deleteCalendarDay(conn: Conn, day: string): Promise<boolean> {
  return (await conn.query('DELETE FROM calendar_days WHERE day = $1::date RETURNING day', [day])).length > 0;
}
