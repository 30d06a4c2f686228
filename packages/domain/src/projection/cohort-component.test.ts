import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEGATIVE_COUNT_FLOOR, projectPopulation } from './cohort-component.js';
import { prestonInputs, prestonRows } from './test-reference-cases.js';
import type { BySex, MigrationTiming } from './types.js';

describe('Preston, Heuveline and Guillot (2001), Box 6.2: Swedish females 1993–1998', () => {
  const result = projectPopulation(prestonInputs());
  const published = (column: string) => prestonRows.map((r) => Number(r[column]));

  it('reproduces the published population in 1998 to the published rounding', () => {
    expect(result.years).toEqual([1993, 1998]);
    published('pop_f_end_expected').forEach((p, x) =>
      expect(Math.abs(result.population[1]!.female[x]! - p)).toBeLessThanOrEqual(0.5),
    );
    published('pop_m_end_expected').forEach((p, x) =>
      expect(Math.abs(result.population[1]!.male[x]! - p)).toBeLessThanOrEqual(0.5),
    );
  });

  it('reproduces the published births by age of mother to the published rounding', () => {
    published('births_expected').forEach((b, x) =>
      expect(Math.abs(result.births[0]!.byMotherAge[x]! - b)).toBeLessThanOrEqual(0.5),
    );
  });

  it('splits the births by the sex ratio at birth of 1.05', () => {
    const b = result.births[0]!;
    expect(b.male / b.female).toBeCloseTo(1.05, 12);
  });
});

const cell = fc.double({ min: 0, max: 1e6, noNaN: true });

/** Random inputs of n age groups and one to four steps. */
function arbitraryInputs(options: { survival?: number; fertility?: number; migrationMin?: number }) {
  return fc
    .record({
      n: fc.integer({ min: 3, max: 12 }),
      steps: fc.integer({ min: 1, max: 4 }),
      ageWidth: fc.constantFrom<1 | 5>(1, 5),
      timing: fc.constantFrom<MigrationTiming>('end', 'even'),
      seed: fc.integer(),
    })
    .chain(({ n, steps, ageWidth, timing }) => {
      const ages = (arb: fc.Arbitrary<number>) =>
        fc.array(arb, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));
      const bySex = (arb: fc.Arbitrary<number>) => fc.record({ female: ages(arb), male: ages(arb) });
      const perStep = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: steps, maxLength: steps });
      const s = options.survival;
      const f = options.fertility;
      const m = options.migrationMin;
      return fc.record({
        ageWidth: fc.constant(ageWidth),
        startYear: fc.integer({ min: 1950, max: 2050 }),
        basePopulation: bySex(cell),
        survivalRatios: perStep(bySex(s === undefined ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.constant(s))),
        fertilityRates: perStep(ages(f === undefined ? fc.double({ min: 0, max: 0.3, noNaN: true }) : fc.constant(f))),
        sexRatioAtBirth: perStep(fc.double({ min: 0.9, max: 1.2, noNaN: true })),
        netMigration:
          m === undefined
            ? fc.constant(undefined)
            : fc.record({
                timing: fc.constant(timing),
                counts: perStep(bySex(fc.double({ min: m, max: 1e4, noNaN: true }))),
              }),
      });
    });
}

/** Equal up to floating-point rounding, relative to the size of the numbers. */
function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected)));
}

const total = (p: BySex<Float64Array>) => [...p.female, ...p.male].reduce((a, b) => a + b, 0);

describe('cohort-component properties', () => {
  it('only ages a population with no deaths, births or migrants', () => {
    fc.assert(
      fc.property(arbitraryInputs({ survival: 1, fertility: 0 }), (inputs) => {
        const r = projectPopulation(inputs);
        for (let k = 1; k < r.population.length; k++) {
          for (const sex of ['female', 'male'] as const) {
            const before = r.population[k - 1]![sex];
            const after = r.population[k]![sex];
            const n = before.length;
            expect(after[0]).toBe(0);
            for (let x = 1; x < n - 1; x++) expect(after[x]).toBe(before[x - 1]);
            expectClose(after[n - 1]!, before[n - 2]! + before[n - 1]!);
          }
          expectClose(total(r.population[k]!), total(r.population[0]!));
        }
      }),
    );
  });

  it('never gives a negative count, whatever the emigration', () => {
    fc.assert(
      fc.property(arbitraryInputs({ migrationMin: -2e6 }), (inputs) => {
        for (const p of projectPopulation(inputs).population) {
          for (const v of [...p.female, ...p.male]) expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('turns a negative count into 0.0005', () => {
    const n = 4;
    const zeros = () => new Float64Array(n);
    const leaving = Float64Array.from([0, -10, 0, 0]);
    const r = projectPopulation({
      ageWidth: 1,
      startYear: 2026,
      basePopulation: { female: zeros(), male: zeros() },
      survivalRatios: [{ female: new Float64Array(n).fill(1), male: new Float64Array(n).fill(1) }],
      fertilityRates: [zeros()],
      sexRatioAtBirth: [1.05],
      netMigration: { timing: 'end', counts: [{ female: leaving, male: zeros() }] },
    });
    expect(r.population[1]!.female[1]).toBe(NEGATIVE_COUNT_FLOOR);
    expect(r.population[1]!.male[1]).toBe(0);
  });

  it('adds every migrant once, whatever the timing, when nobody dies or is born', () => {
    fc.assert(
      fc.property(arbitraryInputs({ survival: 1, fertility: 0, migrationMin: 0 }), (inputs) => {
        const r = projectPopulation(inputs);
        const counts = inputs.netMigration!.counts;
        r.population.slice(1).forEach((p, k) => {
          expectClose(total(p), total(r.population[k]!) + total(counts[k]!));
        });
      }),
    );
  });

  it('scales with the population: twice the people, twice the births and survivors', () => {
    fc.assert(
      fc.property(arbitraryInputs({}), (inputs) => {
        const double = (a: Float64Array) => a.map((v) => 2 * v);
        const a = projectPopulation(inputs);
        const b = projectPopulation({
          ...inputs,
          basePopulation: { female: double(inputs.basePopulation.female), male: double(inputs.basePopulation.male) },
        });
        a.births.forEach((births, k) => expectClose(b.births[k]!.female, 2 * births.female));
        expectClose(total(b.population.at(-1)!), 2 * total(a.population.at(-1)!));
      }),
    );
  });

  it('refuses inputs whose age groups disagree', () => {
    const inputs = prestonInputs();
    expect(() => projectPopulation({ ...inputs, fertilityRates: [new Float64Array(5)] })).toThrow(RangeError);
    expect(() => projectPopulation({ ...inputs, sexRatioAtBirth: [] })).toThrow(/one entry per step/);
  });
});
