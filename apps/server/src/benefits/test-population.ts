import { randomBytes } from 'node:crypto';
import type { BeneficiaryFacts } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { mulberry32 } from '../demo/index.js';

export interface TestChild {
  birthDate: string;
  deathDate: string | null;
  hukouRegionCode: string;
  parity: number | null;
}

/**
 * n children of varied birth dates (2018–2027), parities (1–4, some unknown), deaths and hukou
 * regions (villages of the given list, a few outside the county), for holding the SQL of a
 * payment cycle to the domain's checkEligibility.
 */
export function randomChildren(n: number, villages: readonly string[], seed: number): TestChild[] {
  const rand = mulberry32(seed); // seeded: a failing population can be rebuilt
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const day = (fromYear: number, years: number) =>
    new Date(Date.UTC(fromYear, 0, 1) + Math.floor(rand() * years * 365.25) * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: n }, () => {
    const birthDate =
      rand() < 0.1
        ? pick(['2022-12-31', '2023-01-01', '2025-12-31', '2026-01-01', '2020-02-29', '2022-01-31'])
        : day(2018, 10);
    const deathDate = rand() < 0.05 ? day(Number(birthDate.slice(0, 4)), 3) : null;
    return {
      birthDate,
      deathDate: deathDate !== null && deathDate >= birthDate ? deathDate : null,
      hukouRegionCode: rand() < 0.05 ? '530102001001' : pick(villages),
      parity: rand() < 0.1 ? null : 1 + Math.floor(rand() * 4),
    };
  });
}

/** Inserts the children as the database owner (no row-level security); returns their ids in order. */
export async function insertChildren(database: Database, children: readonly TestChild[]): Promise<number[]> {
  const rows = await database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, death_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code,
       residence_region_code, parity, source, row_hash)
     SELECT '测试儿童', 'female', b, d, 'resident', '\\x00'::bytea, ib, '533423********0000', h, h, par, 'test', ''
     FROM unnest($1::date[], $2::date[], $3::text[], $4::int[], $5::bytea[]) WITH ORDINALITY AS u(b, d, h, par, ib, ord)
     ORDER BY ord RETURNING id`,
    [
      children.map((c) => c.birthDate),
      children.map((c) => c.deathDate),
      children.map((c) => c.hukouRegionCode),
      children.map((c) => c.parity),
      children.map(() => randomBytes(16)),
    ],
  );
  return rows.map((r) => Number(r.id));
}

export function factsOf(c: TestChild): BeneficiaryFacts {
  return {
    birthDate: c.birthDate,
    deathDate: c.deathDate,
    hukouRegionCode: c.hukouRegionCode,
    parity: c.parity,
    specialFamilyStatus: null,
    declared: {},
  };
}
