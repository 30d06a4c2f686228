import { createHash } from 'node:crypto';
import { maskIdNumber, parseIdNumber } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { byteaHex, csvLine } from '../db/csv.js';
import type { Pii } from '../crypto/pii.js';
import { generateDemoPopulation } from './population.js';

// Counties elsewhere that in-migrants' hukou (and ID numbers) come from.
const OTHER_COUNTIES = ['533401', '533422', '530102', '530402', '510107', '511502'];
export const DEMO_SEED = 20230628; // the date of 维发〔2023〕15号 (seed 004)
export const DEMO_SIZE = 150_000;

/**
 * Loads the synthetic population with COPY, straight into the tables as the owner: it is
 * the deployment's own seed data, not a user's write. Runs once, in one transaction.
 */
export async function loadDemoPopulation(
  database: Database,
  pii: Pii,
  scopeCode: string,
  size = DEMO_SIZE,
  today = new Date(),
): Promise<{ persons: number }> {
  const have = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM persons WHERE source = 'demo'");
  if (Number(have[0]!.n) > 0) return { persons: 0 };
  const villages = await database.query<{ code: string; parent_code: string }>(
    'SELECT code, parent_code FROM regions WHERE level = 5 AND code LIKE $1 ORDER BY code',
    [`${scopeCode}%`],
  );
  const countyCode = scopeCode.length >= 6 ? scopeCode.slice(0, 6) : villages[0]!.code.slice(0, 6);
  const pop = generateDemoPopulation({
    villages: villages.map((v) => ({ code: v.code, townshipCode: v.parent_code })),
    targetSize: size,
    seed: DEMO_SEED,
    today: today.toISOString().slice(0, 10),
    countyCode,
    otherCountyCodes: OTHER_COUNTIES,
  });
  // Ids follow the generator's keys so links resolve without a look-up.
  const personId = (key: number) => key + 1;
  const householdId = (key: number) => key + 1;
  await database.transaction(async (tx) => {
    await tx.copyIn(
      'COPY households (id, household_no, region_code, address) FROM STDIN WITH (FORMAT csv)',
      pop.households.map((h) => csvLine([householdId(h.key), h.householdNo, h.regionCode, h.address])),
    );
    await tx.copyIn(
      `COPY persons (id, name, sex, birth_date, ethnicity, id_kind, id_cipher, id_blind_index, id_masked,
         hukou_region_code, residence_region_code, household_id, relation_to_head, parity, source, reported_at, row_hash)
       FROM STDIN WITH (FORMAT csv)`,
      (function* () {
        for (const p of pop.persons) {
          const kind = parseIdNumber(p.idNumber);
          yield csvLine([
            personId(p.key),
            p.name,
            p.sex,
            p.birthDate,
            p.ethnicity,
            kind.ok ? kind.value.kind : 'resident',
            byteaHex(pii.encryptIdNumber(p.idNumber)),
            byteaHex(pii.idBlindIndex(p.idNumber)),
            maskIdNumber(p.idNumber),
            p.hukouRegionCode,
            p.residenceRegionCode,
            p.householdKey === null ? null : householdId(p.householdKey),
            p.relationToHead,
            p.parity,
            'demo',
            p.reportedAt,
            createHash('sha256').update(`demo:${p.key}`).digest('hex'),
          ]);
        }
      })(),
    );
    const residence = new Map(pop.persons.map((p) => [p.key, p.residenceRegionCode]));
    await tx.copyIn(
      'COPY relationships (kind, from_person_id, to_person_id, region_code) FROM STDIN WITH (FORMAT csv)',
      pop.relationships.map((r) =>
        csvLine([r.kind, personId(r.fromKey), personId(r.toKey), residence.get(r.fromKey)!]),
      ),
    );
    const year = today.getFullYear() - 1;
    await tx.copyIn(
      'COPY region_reference_population (region_code, year, resident_population, source) FROM STDIN WITH (FORMAT csv)',
      pop.referencePopulation.map((r) =>
        csvLine([r.regionCode, year, r.residentPopulation, 'synthetic demo figure (合成演示数据)']),
      ),
    );
    await tx.query("SELECT setval(pg_get_serial_sequence('persons', 'id'), (SELECT max(id) FROM persons))");
    await tx.query("SELECT setval(pg_get_serial_sequence('households', 'id'), (SELECT max(id) FROM households))");
    await tx.query('SELECT cradle_refresh_quality(NULL)');
  });
  // PGlite has no autovacuum: without fresh statistics the planner misjudges every query.
  await database.query('ANALYZE');
  return { persons: pop.persons.length };
}
