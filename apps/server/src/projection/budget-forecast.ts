import {
  checkEligibility,
  expectedFen,
  type BeneficiaryFacts,
  type ParameterOverride,
  type ProjectionResult,
  type SchemeDefinition,
} from '@cradle/domain';
import type { ForecastLine } from '@cradle/contract';
import type { ParityMix } from './repo.js';

/** Children are persons under 18: no scheme for children pays past that age. */
const CHILD_AGES = 18;
const MONTHS = 12;

/** Whole persons from a projected count: rounded half up (0.5 → 1). */
export const wholePersons = (x: number): number => Math.floor(x + 0.5);

/**
 * n persons over `shares` (weights), in whole persons summing to n: each takes the floor of its
 * exact share, and the persons left over go one each to the largest remainders, the earlier
 * share first on a tie (Hamilton's largest-remainder rule).
 */
export function apportion(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((s, v) => s + v, 0);
  if (n === 0 || total <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (n * s) / total);
  const out = exact.map(Math.floor);
  let left = n - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

/** Whether a scheme's rules read the child's parity (then children are split by the recent births' parities). */
const readsParity = (s: SchemeDefinition) =>
  s.amount.kind === 'byParity' || s.conditions.some((c) => c.kind === 'parityIn');

/** Schemes a projection of children can price: paid for a child, on no fact only a special family has. */
export function forecastsFromChildren(s: SchemeDefinition): boolean {
  return (
    s.beneficiary === 'child' &&
    s.amount.kind !== 'bySpecialFamilyStatus' &&
    !s.conditions.some((c) => c.kind === 'specialFamily')
  );
}

export interface ForecastInput {
  scheme: SchemeDefinition;
  overrides: readonly ParameterOverride[];
  /** The projected region, standing in for the children's hukou (residents are priced as if registered there). */
  regionCode: string;
  /** A single-age projection covering every forecast year with its births. */
  result: ProjectionResult;
  forecastYears: readonly number[];
  parityMix: ParityMix;
  /** The take-up rate of a scheme paid on application, basis points; null for a proactive scheme. */
  takeUpBasisPoints: number | null;
}

/**
 * A scheme's cost in each forecast year, in integer fen, from the projected children, priced by
 * checkEligibility, the one implementation of the rules. Per year Y and birth year B:
 * 1. The cohort: born in Y, the year's projected births; born before, the persons aged Y−1−B on
 *    1 January of Y (alive through the year: a year's deaths are not taken off).
 * 2. Rounded to whole persons, half up, before any money is counted (wholePersons).
 * 3. Spread evenly over the 12 birth months (largest remainder, the earlier month first on a tie),
 *    each month's children born on its 15th.
 * 4. Where the rules read parity, each month's children split by the parities of the region's
 *    births of the recorded years (1, 2, 3, 4 and later; unknown ones left out of the shares).
 * 5. Each group priced as one child (facts: the birth date, alive, the region as hukou, every
 *    declared fact stated) for each period of Y (a one-time grant: in the year of birth), times
 *    its persons; a scheme paid on application then at the take-up rate, half up to the fen.
 */
export function forecastScheme(input: ForecastInput): ForecastLine {
  const { scheme, result } = input;
  const parityGroups = readsParity(scheme)
    ? apportionParity(input.parityMix)
    : ([[null, 1]] as const satisfies readonly (readonly [number | null, number])[]);
  const declared = { accidentInsurancePurchased: true, enrolledInAffordableKindergarten: true, economicHardship: true };
  const years = input.forecastYears.map((year) => {
    const k = result.years.indexOf(year);
    const step = result.births[k];
    if (k < 0 || !step) throw new RangeError(`forecast: the projection does not cover ${year}`);
    const periods = periodsOf(scheme, year);
    let children = 0;
    let amount = 0n;
    for (let birthYear = year - CHILD_AGES; birthYear <= year; birthYear++) {
      const projected =
        birthYear === year
          ? step.female + step.male
          : result.population[k]!.female[year - 1 - birthYear]! + result.population[k]!.male[year - 1 - birthYear]!;
      const byMonth = apportion(wholePersons(projected), new Array<number>(MONTHS).fill(1));
      byMonth.forEach((monthPersons, m) => {
        const byParity = apportion(
          monthPersons,
          parityGroups.map(([, share]) => share),
        );
        parityGroups.forEach(([parity], g) => {
          const persons = byParity[g]!;
          if (persons === 0) return;
          const facts: BeneficiaryFacts = {
            birthDate: `${birthYear}-${String(m + 1).padStart(2, '0')}-15`,
            deathDate: null,
            hukouRegionCode: input.regionCode,
            parity,
            specialFamilyStatus: null,
            declared,
          };
          const perChild = periods
            .filter((p) => p !== 'once' || birthYear === year)
            .reduce((s, p) => s + checkEligibility(scheme, facts, p, input.overrides).amount, 0);
          if (perChild > 0) {
            children += persons;
            amount += BigInt(persons) * BigInt(perChild);
          }
        });
      });
    }
    const expected = input.takeUpBasisPoints === null ? amount : expectedFen(amount, 0n, input.takeUpBasisPoints);
    return { year, children, amountFen: toFen(amount), expectedFen: toFen(expected) };
  });
  return {
    years,
    amountFen: years.reduce((s, y) => s + y.amountFen, 0),
    expectedFen: years.reduce((s, y) => s + y.expectedFen, 0),
  };
}

function periodsOf(scheme: SchemeDefinition, year: number): string[] {
  switch (scheme.frequency) {
    case 'once':
      return ['once'];
    case 'yearly':
      return [String(year)];
    case 'monthly':
      return Array.from({ length: MONTHS }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  }
}

/** Parities 1, 2, 3 and 4 (standing for 4 and later) with the recorded births' shares; none recorded: all unknown. */
function apportionParity(mix: ParityMix): (readonly [number | null, number])[] {
  if (mix.first + mix.second + mix.third + mix.fourthOrLater === 0) return [[null, 1]];
  return [
    [1, mix.first],
    [2, mix.second],
    [3, mix.third],
    [4, mix.fourthOrLater],
  ];
}

function toFen(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError('forecast: an amount beyond a safe integer of fen');
  return n;
}
