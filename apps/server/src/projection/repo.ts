import { SINGLE_AGES, type RecordedBirths, type RecordedDeaths, type RegionAggregates } from '@cradle/domain';
import type { Conn } from '../db/client.js';

/** Births of the recorded years by the child's parity (persons.parity; null: no mother on record). */
export interface ParityMix {
  first: number;
  second: number;
  third: number;
  fourthOrLater: number;
  unknown: number;
}

/** What the registry tells a projection of a region: the engine's aggregates, and the parity of recent births. */
export interface RegistryCounts {
  aggregates: RegionAggregates;
  recordedYears: number[];
  parityMix: ParityMix;
}

/** Years of births and deaths that set the region's levels: the three before the base year. */
export const RECORDED_YEARS = 3;

const OPEN_AGE = SINGLE_AGES - 1;
const zeros = () => new Array<number>(SINGLE_AGES).fill(0);

/**
 * Every registry read of a projection, by residence (常住, GLOSSARY residentPopulation), run under
 * withScope so only the jurisdiction's rows count; aggregates only. The one place the counts
 * come from: a kept counts table (issue 13, "Speed") replaces these GROUP BYs here and nowhere else.
 * - base population: persons living on 1 January of `baseYear`, by sex and completed age (100+ open);
 * - births of the three years before, by the mother's completed age at the birth (her
 *   `mother` link), the child's sex and parity; a birth whose mother the scope cannot see is
 *   spread over the known ages in proportion (it counts towards the level, not the pattern);
 * - deaths of the same years by sex and age at death, only when the region records any: a
 *   registry that records no deaths says nothing about mortality (the national level is used).
 */
export async function registryCounts(tx: Conn, regionCode: string, baseYear: number): Promise<RegistryCounts> {
  const prefix = `${regionCode}%`;
  const from = baseYear - RECORDED_YEARS;
  const base = await tx.query<{ sex: string; age: number; n: number }>(
    `SELECT sex, least(date_part('year', age(make_date($2, 1, 1), birth_date))::int, ${OPEN_AGE}) AS age, count(*)::int AS n
       FROM persons
      WHERE residence_region_code LIKE $1 AND birth_date < make_date($2, 1, 1)
        AND (death_date IS NULL OR death_date >= make_date($2, 1, 1))
      GROUP BY 1, 2`,
    [prefix, baseYear],
  );
  const births = await tx.query<{
    year: number;
    sex: string;
    parity: number | null;
    mother_age: number | null;
    n: number;
  }>(
    `SELECT date_part('year', c.birth_date)::int AS year, c.sex, least(c.parity, 4)::int AS parity,
            date_part('year', age(c.birth_date, m.birth_date))::int AS mother_age, count(*)::int AS n
       FROM persons c
       LEFT JOIN relationships r ON r.kind = 'mother' AND r.to_person_id = c.id
       LEFT JOIN persons m ON m.id = r.from_person_id
      WHERE c.residence_region_code LIKE $1 AND c.birth_date >= make_date($2, 1, 1) AND c.birth_date < make_date($3, 1, 1)
      GROUP BY 1, 2, 3, 4`,
    [prefix, from, baseYear],
  );
  const deaths = await tx.query<{ year: number; sex: string; age: number; n: number }>(
    `SELECT date_part('year', death_date)::int AS year, sex,
            least(date_part('year', age(death_date, birth_date))::int, ${OPEN_AGE}) AS age, count(*)::int AS n
       FROM persons
      WHERE residence_region_code LIKE $1 AND death_date >= make_date($2, 1, 1) AND death_date < make_date($3, 1, 1)
      GROUP BY 1, 2, 3`,
    [prefix, from, baseYear],
  );

  const population = { female: zeros(), male: zeros() };
  for (const r of base) population[r.sex === 'female' ? 'female' : 'male'][Number(r.age)]! += Number(r.n);

  const recordedYears = Array.from({ length: RECORDED_YEARS }, (_, k) => from + k);
  const parityMix: ParityMix = { first: 0, second: 0, third: 0, fourthOrLater: 0, unknown: 0 };
  const recordedBirths: RecordedBirths[] = recordedYears.map((year) => {
    const rows = births.filter((b) => Number(b.year) === year);
    const byMotherAge = zeros();
    let unknownMother = 0;
    let boys = 0;
    let girls = 0;
    for (const b of rows) {
      const n = Number(b.n);
      const age = b.mother_age === null ? null : Number(b.mother_age);
      if (age === null || age < 0 || age > OPEN_AGE) unknownMother += n;
      else byMotherAge[age]! += n;
      if (b.sex === 'male') boys += n;
      else girls += n;
      const parity = b.parity === null ? null : Number(b.parity);
      if (parity === 1) parityMix.first += n;
      else if (parity === 2) parityMix.second += n;
      else if (parity === 3) parityMix.third += n;
      else if (parity !== null && parity >= 4) parityMix.fourthOrLater += n;
      else parityMix.unknown += n;
    }
    return { year, firstAge: 0, ageWidth: 1, byMotherAge: spread(byMotherAge, unknownMother), boys, girls };
  });

  const anyDeath = deaths.length > 0;
  const recordedDeaths: RecordedDeaths[] = anyDeath
    ? recordedYears.map((year) => {
        const d = { year, female: zeros(), male: zeros() };
        for (const r of deaths.filter((x) => Number(x.year) === year))
          d[r.sex === 'female' ? 'female' : 'male'][Number(r.age)]! += Number(r.n);
        return d;
      })
    : [];

  return {
    aggregates: { baseYear, population, births: recordedBirths, deaths: recordedDeaths },
    recordedYears,
    parityMix,
  };
}

/**
 * Births whose mother's age is unknown, spread over the known ages in proportion; with no known
 * age at all, over 20–34 evenly (they still set the level, which reads only the total).
 */
function spread(byAge: number[], unknown: number): number[] {
  if (unknown === 0) return byAge;
  const known = byAge.reduce((s, v) => s + v, 0);
  if (known === 0) return byAge.map((_, x) => (x >= 20 && x <= 34 ? unknown / 15 : 0));
  return byAge.map((v) => v + (unknown * v) / known);
}
