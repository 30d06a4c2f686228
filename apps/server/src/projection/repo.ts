import {
  MOTHER_AGE_GROUPS,
  SINGLE_AGES,
  type RecordedBirths,
  type RecordedDeaths,
  type RegionAggregates,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';

/**
 * Births of the recorded years by the child's parity (persons.parity; unknown: no mother on
 * record). The counts keep third or later as one class, so `third` holds them all and
 * `fourthOrLater` stays 0: a scheme for 二孩、三孩 is priced for fourth children too (a reading;
 * fourth births are few).
 */
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
 * Every registry read of a projection, by residence (常住, GLOSSARY residentPopulation), from the
 * counts the database keeps (migration 0030, monitoring/counts-README.md) under withScope, so only
 * the jurisdiction's rows count; aggregates only. A county's read is a few thousand count rows,
 * not a scan of its persons (issue 13, "Speed": 786 ms median for the demo county as a scan).
 * - base population: persons living on 1 January of `baseYear`, by sex and completed age (100+
 *   open), from population_counts. The counts know birth and death by month, so the age is
 *   `baseYear − 1 − birth year`: exact but for persons born on 1 January itself, who are a year
 *   older (a reading; the total is exact);
 * - births of the three years before, by the mother's five-year age group at the birth (15–49;
 *   others and unknown mothers are spread over the known groups in proportion: they count toward
 *   the level, not the pattern), the child's sex and parity (3 = third or later), from birth_counts;
 * - deaths of the same years by sex and age at death (birth and death months), only when the
 *   region records any: a registry that records no deaths says nothing about mortality (the
 *   national level is used).
 */
export async function registryCounts(tx: Conn, regionCode: string, baseYear: number): Promise<RegistryCounts> {
  const from = baseYear - RECORDED_YEARS;
  const base = await tx.query<{ sex: string; age: number; n: number }>(
    `SELECT sex, least($2 - 1 - date_part('year', birth_month)::int, ${OPEN_AGE}) AS age, sum(n)::int AS n
       FROM population_counts
      WHERE region_code = $1 AND basis = 'resident' AND birth_month < make_date($2, 1, 1)
        AND death_month >= make_date($2, 1, 1)
      GROUP BY 1, 2 HAVING sum(n) <> 0`,
    [regionCode, baseYear],
  );
  const births = await tx.query<{ year: number; sex: string; parity: number; mother_age: string; n: number }>(
    `SELECT date_part('year', month)::int AS year, sex, parity::int AS parity, mother_age, sum(n)::int AS n
       FROM birth_counts
      WHERE region_code = $1 AND month >= make_date($2, 1, 1) AND month < make_date($3, 1, 1)
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`,
    [regionCode, from, baseYear],
  );
  const deaths = await tx.query<{ year: number; sex: string; age: number; n: number }>(
    `SELECT date_part('year', death_month)::int AS year, sex,
            least(greatest((date_part('year', age(death_month, birth_month)))::int, 0), ${OPEN_AGE}) AS age,
            sum(n)::int AS n
       FROM population_counts
      WHERE region_code = $1 AND basis = 'resident'
        AND death_month >= make_date($2, 1, 1) AND death_month < make_date($3, 1, 1)
      GROUP BY 1, 2, 3 HAVING sum(n) <> 0`,
    [regionCode, from, baseYear],
  );

  const population = { female: zeros(), male: zeros() };
  for (const r of base) {
    const age = Number(r.age);
    if (age >= 0) population[r.sex === 'female' ? 'female' : 'male'][age]! += Number(r.n);
  }

  const recordedYears = Array.from({ length: RECORDED_YEARS }, (_, k) => from + k);
  const parityMix: ParityMix = { first: 0, second: 0, third: 0, fourthOrLater: 0, unknown: 0 };
  const recordedBirths: RecordedBirths[] = recordedYears.map((year) => {
    const rows = births.filter((b) => Number(b.year) === year);
    const byGroup = new Array<number>(MOTHER_AGE_GROUPS.length).fill(0);
    let unknownMother = 0;
    let boys = 0;
    let girls = 0;
    for (const b of rows) {
      const n = Number(b.n);
      const g = MOTHER_AGE_GROUPS.indexOf(b.mother_age as (typeof MOTHER_AGE_GROUPS)[number]);
      if (g < 0) unknownMother += n;
      else byGroup[g]! += n;
      if (b.sex === 'male') boys += n;
      else girls += n;
      const parity = Number(b.parity);
      if (parity === 1) parityMix.first += n;
      else if (parity === 2) parityMix.second += n;
      else if (parity === 3) parityMix.third += n;
      else parityMix.unknown += n;
    }
    return { year, firstAge: 15, ageWidth: 5, byMotherAge: spread(byGroup, unknownMother), boys, girls };
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
 * Births whose mother's age group is unknown (or outside 15–49), spread over the known groups in
 * proportion; with no known group at all, over 20–34 evenly (they still set the level, which
 * reads only the total).
 */
function spread(byGroup: number[], unknown: number): number[] {
  if (unknown === 0) return byGroup;
  const known = byGroup.reduce((s, v) => s + v, 0);
  // Groups 1–3 of MOTHER_AGE_GROUPS are 20–24, 25–29, 30–34.
  if (known === 0) return byGroup.map((_, g) => (g >= 1 && g <= 3 ? unknown / 3 : 0));
  return byGroup.map((v) => v + (unknown * v) / known);
}
