import type { BySex, ProjectionInputs, ProjectionResult, StepBirths } from './types.js';

/**
 * What a negative count becomes after a step (reference/projection/README.md, step 5): net
 * emigration can exceed a small cohort, and a population cannot be negative.
 */
export const NEGATIVE_COUNT_FLOOR = 0.0005;

/**
 * The cohort-component projection, the standard female-dominant method as the UN Population
 * Division applies it (ccmppWPP), in the steps of reference/projection/README.md; Preston,
 * Heuveline and Guillot, Demography (2001), ch. 6 and Box 6.2.
 */
export function projectPopulation(inputs: ProjectionInputs): ProjectionResult {
  const steps = checkShapes(inputs);
  const population: BySex<Float64Array>[] = [inputs.basePopulation];
  const births: StepBirths[] = [];
  for (let k = 0; k < steps; k++) {
    const { end, stepBirths } = projectStep(inputs, k, population[k]!);
    population.push(end);
    births.push(stepBirths);
  }
  const years = population.map((_, k) => inputs.startYear + k * inputs.ageWidth);
  return { ageWidth: inputs.ageWidth, years, population, births };
}

function projectStep(inputs: ProjectionInputs, k: number, before: BySex<Float64Array>) {
  const n = before.female.length;
  const survival = inputs.survivalRatios[k]!;
  const counts = inputs.netMigration?.counts[k];
  // "even": half the step's migrants arrive at its start, are exposed to its risks and are counted
  // among the mothers; "end": all arrive after the step's deaths and births (ccmppWPP,
  // project_ccmpp_z_by_z, which the reference README's steps follow).
  const even = inputs.netMigration?.timing === 'even';
  const startShare = counts && even ? 0.5 : 0;
  const start = {
    female: withMigrants(before.female, counts?.female, startShare),
    male: withMigrants(before.male, counts?.male, startShare),
  };
  const end = {
    female: withMigrants(survive(start.female, survival.female), counts?.female, startShare),
    male: withMigrants(survive(start.male, survival.male), counts?.male, startShare),
  };
  const byMotherAge = birthsByMotherAge(inputs, k, start.female, end.female);
  let total = 0;
  for (let x = 0; x < n; x++) total += byMotherAge[x]!;
  const female = total / (1 + inputs.sexRatioAtBirth[k]!);
  const male = total - female;
  end.female[0] = end.female[0]! + female * survival.female[0]!;
  end.male[0] = end.male[0]! + male * survival.male[0]!;
  if (counts && !even) {
    addMigrants(end.female, counts.female);
    addMigrants(end.male, counts.male);
  }
  floorNegatives(end.female);
  floorNegatives(end.male);
  return { end, stepBirths: { female, male, byMotherAge } };
}

/** A copy of `pop` with `share` of the migrants added. */
function withMigrants(pop: Float64Array, migrants: Float64Array | undefined, share: number): Float64Array {
  const out = Float64Array.from(pop);
  if (migrants && share > 0) for (let x = 0; x < out.length; x++) out[x] = out[x]! + share * migrants[x]!;
  return out;
}

/** Survivors at the end of the step into groups 1 … n−1; group 0 is left at 0 for the births. */
function survive(start: Float64Array, s: Float64Array): Float64Array {
  const n = start.length;
  const end = new Float64Array(n);
  for (let x = 1; x < n - 1; x++) end[x] = start[x - 1]! * s[x]!;
  end[n - 1] = (start[n - 2]! + start[n - 1]!) * s[n - 1]!;
  return end;
}

function addMigrants(end: Float64Array, migrants: Float64Array) {
  for (let x = 0; x < end.length; x++) end[x] = end[x]! + migrants[x]!;
}

/**
 * Births: the rate times the women's person-years in the step, approximated by the mean of the
 * women at that age at its start and its end (with the migrants there by then), times its length. The first
 * group (not yet born at the end) and the open group are left out (README, step 2).
 */
function birthsByMotherAge(inputs: ProjectionInputs, k: number, startF: Float64Array, endF: Float64Array) {
  const n = startF.length;
  const rates = inputs.fertilityRates[k]!;
  const out = new Float64Array(n);
  const halfWidth = inputs.ageWidth / 2;
  for (let x = 1; x < n - 1; x++) {
    const f = rates[x]!;
    if (f !== 0) out[x] = f * halfWidth * (startF[x]! + endF[x]!);
  }
  return out;
}

function floorNegatives(pop: Float64Array) {
  for (let x = 0; x < pop.length; x++) if (pop[x]! < 0) pop[x] = NEGATIVE_COUNT_FLOOR;
}

/** The number of steps; throws on inputs whose shapes disagree (a programming error, not data). */
function checkShapes(inputs: ProjectionInputs): number {
  const n = inputs.basePopulation.female.length;
  const steps = inputs.survivalRatios.length;
  const sized = (a: Float64Array, what: string) => {
    if (a.length !== n) throw new RangeError(`projection: ${what} has ${a.length} age groups, the base ${n}`);
  };
  if (n < 3) throw new RangeError('projection: at least three age groups (the last open) are needed');
  sized(inputs.basePopulation.male, 'the male base population');
  if (inputs.fertilityRates.length !== steps || inputs.sexRatioAtBirth.length !== steps) {
    throw new RangeError('projection: survival, fertility and sex ratio at birth need one entry per step');
  }
  if (inputs.netMigration && inputs.netMigration.counts.length !== steps) {
    throw new RangeError('projection: net migration needs one entry per step');
  }
  for (let k = 0; k < steps; k++) {
    sized(inputs.survivalRatios[k]!.female, `step ${k}'s female survival ratios`);
    sized(inputs.survivalRatios[k]!.male, `step ${k}'s male survival ratios`);
    sized(inputs.fertilityRates[k]!, `step ${k}'s fertility rates`);
    const m = inputs.netMigration?.counts[k];
    if (m) {
      sized(m.female, `step ${k}'s female net migration`);
      sized(m.male, `step ${k}'s male net migration`);
    }
  }
  return steps;
}
