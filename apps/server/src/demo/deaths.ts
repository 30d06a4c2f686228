import type { Database } from '../db/client.js';

// Synthetic deaths for the demo county, so the monitoring scorecard (issue 13) shows mortality
// figures: the generated population has none. Clearly synthetic (life events from sender 'demo',
// 演示数据) and deterministic (chosen by person id), added once with the population, never in tests:
//   - about 1 in 300 children born in each of the last five years dies in infancy, one in seven of
//     them within the first 28 days;
//   - about 1 in 100 residents aged 75 or over dies in each of those years;
//   - one maternal death a year: the mother of the first child born in the year, 10 days after the birth.
// Each death sets persons.death_date and is recorded as a death life event, as the life-event
// recording does (only the maternal flag differs).
export async function addDemoDeaths(database: Database, countyCode: string, today: Date): Promise<number> {
  const done = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM life_events WHERE sender = 'demo'");
  if (Number(done[0]!.n) > 0) return 0;
  const day = today.toISOString().slice(0, 10);
  return database.transaction(async (tx) => {
    const rows = await tx.query<{ n: number }>(
      `WITH years AS (SELECT generate_series(date_part('year', $2::date)::int - 4, date_part('year', $2::date)::int) AS y),
       infant AS (
         SELECT p.id, p.birth_date + CASE WHEN p.id % 7 = 0 THEN (p.id % 20)::int ELSE 28 + (p.id % 300)::int END AS d, false AS maternal
         FROM persons p JOIN years ON p.birth_date BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31)
         WHERE p.residence_region_code LIKE $1 || '%' AND p.id % 300 = 0),
       old AS (
         SELECT p.id, make_date(y, 1, 1) + (p.id % 360)::int AS d, false AS maternal
         FROM persons p JOIN years ON p.birth_date <= make_date(y - 75, 1, 1)
         WHERE p.residence_region_code LIKE $1 || '%' AND (p.id + y) % 100 = 0),
       maternal AS (
         SELECT DISTINCT ON (y) r.from_person_id AS id, c.birth_date + 10 AS d, true AS maternal
         FROM years JOIN persons c ON c.birth_date BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31)
         JOIN relationships r ON r.kind = 'mother' AND r.to_person_id = c.id
         WHERE c.residence_region_code LIKE $1 || '%'
         ORDER BY y, c.birth_date, c.id),
       chosen AS (
         SELECT DISTINCT ON (id) id, d, maternal FROM (SELECT * FROM maternal UNION ALL SELECT * FROM infant UNION ALL SELECT * FROM old) x
         WHERE d < $2::date ORDER BY id, maternal DESC),
       died AS (
         UPDATE persons p SET death_date = c.d FROM chosen c WHERE p.id = c.id AND p.death_date IS NULL
         RETURNING p.id, p.residence_region_code, c.d, c.maternal)
       INSERT INTO life_events (kind, person_id, region_code, event_date, maternal, channel, sender, sender_reference, recorded_by_name)
       SELECT 'death', id, residence_region_code, d, maternal, 'import', 'demo', 'demo-death-' || id, '演示数据（合成）' FROM died
       RETURNING 1`,
      [countyCode, day],
    );
    return rows.length;
  });
}
