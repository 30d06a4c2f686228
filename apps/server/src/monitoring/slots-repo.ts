import type { Conn } from '../db/client.js';
import { monthDate, type MonthIndex } from './counts-repo.js';

// Slots of the filed childcare institutions (issue 14) for the monitoring counts: per region asked
// and per moment `at` (the start of a month, as population stocks are taken), under the caller's
// scope (row-level security on childcare_institutions and childcare_filings).

export interface SlotRow {
  region: string;
  at: MonthIndex;
  slots: number;
  affordable: number;
}

/**
 * Each institution in the region counts the slots of its version in force at `at`: the last one the
 * county filed before that day. It counts none when that version is a closure, or once its status
 * is closed from its closing day on (childcare README "Readings": a closure removes its slots from
 * the closing date, whether it was filed as a version or set on the institution).
 */
export function filedSlots(conn: Conn, regions: readonly string[], ats: readonly MonthIndex[]) {
  return conn.query<SlotRow>(
    `SELECT r.region, a.at, coalesce(sum(v.slots), 0)::int AS slots, coalesce(sum(v.affordable), 0)::int AS affordable
       FROM unnest($1::text[]) AS r(region)
      CROSS JOIN unnest($2::int[], $3::date[]) AS a(at, day)
       LEFT JOIN LATERAL (
         SELECT CASE WHEN f.kind = 'closure' THEN 0 ELSE (f.content->>'slots')::int END AS slots,
                CASE WHEN f.kind = 'closure' THEN 0 ELSE (f.content->>'affordableSlots')::int END AS affordable
           FROM childcare_institutions i
          CROSS JOIN LATERAL (
            SELECT kind, content FROM childcare_filings
             WHERE institution_id = i.id AND state = 'filed' AND decided_on < a.day
             ORDER BY version DESC LIMIT 1) f
          WHERE i.region_code LIKE r.region || '%'
            AND NOT (i.status = 'closed' AND (i.closed_on IS NULL OR i.closed_on < a.day))
       ) v ON true
      GROUP BY 1, 2`,
    [regions, ats, ats.map(monthDate)],
  );
}
