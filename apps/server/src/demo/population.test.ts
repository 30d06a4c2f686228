import { describe, it, expect, beforeAll } from 'vitest';
import { computeIdCheckCharacter } from '@cradle/domain';
import { generateDemoPopulation, type DemoOptions, type DemoPopulation } from './population.js';

const TODAY = '2026-03-15';
const WINDOW_START = '2021-03-15'; // births after this date are 'the last five years'
const COUNTY = '533423';
const OTHER_COUNTIES = ['533401', '533422', '530102', '530402', '510107', '511502'];

/** n villages spread over ten townships: 533423 + 1xx township + 2xx village. */
function options(targetSize: number, seed: number, villageCount: number): DemoOptions {
  const villages = Array.from({ length: villageCount }, (_, i) => {
    const townshipCode = `${COUNTY}${100 + (i % 10)}`;
    return { code: `${townshipCode}${200 + i}`, townshipCode };
  });
  return { villages, targetSize, seed, today: TODAY, countyCode: COUNTY, otherCountyCodes: OTHER_COUNTIES };
}

/** Completed years of age on TODAY. */
function ageOn(birthDate: string, on = TODAY): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
const yearsBetween = (older: string, younger: string) => ageOn(older, younger);
const share = (part: number, whole: number) => part / whole;
function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** Household membership checks that must hold for any size and seed. */
function expectHouseholdsSound(pop: DemoPopulation): void {
  const members = groupBy(
    pop.persons.filter((p) => p.householdKey !== null),
    (p) => p.householdKey!,
  );
  const wrong = pop.households.filter((h) => {
    const list = members.get(h.key) ?? [];
    const heads = list.filter((p) => p.relationToHead === 'head').length;
    return (
      list.length < 1 || list.length > 7 || heads !== 1 || list.some((p) => p.residenceRegionCode !== h.regionCode)
    );
  });
  expect(wrong.slice(0, 3)).toEqual([]);
  expect(members.size).toBe(pop.households.length);
  expect(new Set(pop.households.map((h) => h.householdNo)).size).toBe(pop.households.length);
}

describe('generateDemoPopulation: determinism and small sizes', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const a = generateDemoPopulation(options(5_000, 7, 12));
    const b = generateDemoPopulation(options(5_000, 7, 12));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(b);
    const c = generateDemoPopulation(options(5_000, 8, 12));
    expect(c.persons.map((p) => p.idNumber)).not.toEqual(a.persons.map((p) => p.idNumber));
  });

  it('hits small targets within ±3% with sound households, for many seeds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const pop = generateDemoPopulation(options(500, seed, 3));
      expect(Math.abs(pop.persons.length - 500)).toBeLessThanOrEqual(15);
      expectHouseholdsSound(pop);
      expect(pop.referencePopulation.map((r) => r.regionCode)).toEqual(
        options(500, seed, 3).villages.map((v) => v.code),
      );
    }
  });
});

/** The big run and the figures several tests share; timed, and printed for the record (not asserted). */
function measure() {
  const started = performance.now();
  const pop = generateDemoPopulation(options(150_000, 20230628, 120));
  const elapsed = performance.now() - started;
  const { persons, households, relationships } = pop;
  const recent = persons.filter((p) => p.birthDate > WINDOW_START);
  const recentBoys = recent.filter((p) => p.sex === 'male').length;
  const withParity = recent.filter((p) => p.parity !== null);
  const parityShares = [1, 2, 3].map((k) =>
    share(withParity.filter((p) => Math.min(p.parity!, 3) === k).length, withParity.length),
  );
  const males = persons.filter((p) => p.sex === 'male').length;
  const housed = persons.filter((p) => p.householdKey !== null).length;
  console.info(
    `demo population: ${persons.length} persons, ${households.length} households (mean ${(housed / households.length).toFixed(2)}), ` +
      `${relationships.length} relationships in ${elapsed.toFixed(0)} ms; births/year ${recent.length / 5} ` +
      `(${((recent.length / 5 / persons.length) * 1000).toFixed(1)}‰), parity 1/2/3+ ${parityShares.map((s) => (s * 100).toFixed(1) + '%').join(' / ')}, ` +
      `SRB ${((100 * recentBoys) / (recent.length - recentBoys)).toFixed(1)}, sex ratio ${((100 * males) / (persons.length - males)).toFixed(1)}`,
  );
  return { pop, persons, households, relationships, recent, recentBoys, parityShares, males, housed };
}

describe('generateDemoPopulation: a county of 150,000', () => {
  let big: ReturnType<typeof measure>;
  beforeAll(() => {
    big = measure();
  });

  it('is within ±3% of the target, with a plausible sex ratio and age pyramid', () => {
    const { persons, males } = big;
    expect(Math.abs(persons.length - 150_000)).toBeLessThanOrEqual(4_500);
    expect((100 * males) / (persons.length - males)).toBeGreaterThanOrEqual(103);
    expect((100 * males) / (persons.length - males)).toBeLessThanOrEqual(107);
    const group = (lo: number, hi: number, sex?: string) =>
      persons.filter((p) => ageOn(p.birthDate) >= lo && ageOn(p.birthDate) < hi && (!sex || p.sex === sex)).length;
    expect(group(35, 60) / 5).toBeGreaterThan(group(20, 35) / 3); // the middle-aged bulge, per 5-year group
    expect(group(0, 5)).toBeLessThan(group(5, 10)); // narrower young cohorts
    expect(group(80, 200, 'female')).toBeGreaterThan(group(80, 200, 'male'));
    expect(persons.every((p) => p.birthDate >= '1920-01-01' && p.birthDate <= TODAY)).toBe(true);
  });

  it('gives every person a valid, unique ID number that agrees with sex, birth date and hukou', () => {
    const { persons } = big;
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
    // Collected, not asserted one by one: 150,000 expect() calls would take longer than generating.
    const wrong = persons.filter(
      (p) =>
        !/^\d{17}[\dX]$/.test(p.idNumber) ||
        p.idNumber[17] !== computeIdCheckCharacter(p.idNumber.slice(0, 17)) ||
        p.idNumber.slice(6, 14) !== p.birthDate.replaceAll('-', '') ||
        Number(p.idNumber[16]) % 2 !== (p.sex === 'male' ? 1 : 0) ||
        p.idNumber.slice(0, 6) !== (p.hukouRegionCode.length === 12 ? COUNTY : p.hukouRegionCode),
    );
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('has households of 1–7 with one head each, and ~1.5% of persons outside any household', () => {
    const { pop, persons, households, housed } = big;
    expectHouseholdsSound(pop);
    expect(housed / households.length).toBeGreaterThan(3.0);
    expect(housed / households.length).toBeLessThan(3.6);
    const unhoused = persons.filter((p) => p.householdKey === null);
    expect(share(unhoused.length, persons.length)).toBeGreaterThan(0.013);
    expect(share(unhoused.length, persons.length)).toBeLessThan(0.017);
    expect(unhoused.every((p) => p.relationToHead === null)).toBe(true);
  });

  it('links parents at least 15 years older and of the right sex, and couples of plausible ages', () => {
    const { persons, relationships } = big;
    const wrong = relationships.filter((r) => {
      const from = persons[r.fromKey]!;
      const to = persons[r.toKey]!;
      if (r.kind === 'spouse') {
        const [hAge, wAge] = [ageOn(from.birthDate), ageOn(to.birthDate)];
        return from.sex !== 'male' || to.sex !== 'female' || hAge < 22 || wAge < 20 || Math.abs(hAge - wAge) > 12;
      }
      const gap = yearsBetween(from.birthDate, to.birthDate);
      return from.sex !== (r.kind === 'mother' ? 'female' : 'male') || gap < 15 || (r.kind === 'mother' && gap > 45);
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(relationships.filter((r) => r.kind === 'mother').length).toBeGreaterThan(persons.length * 0.3); // most children live with their mother
  });

  it("numbers each mother's children 1..n by birth date, and nobody else", () => {
    const { persons, relationships } = big;
    const mothers = relationships.filter((r) => r.kind === 'mother');
    const byMother = groupBy(mothers, (r) => r.fromKey);
    const wrong = [...byMother.values()].filter((rels) => {
      const kids = rels.map((r) => persons[r.toKey]!).sort((a, b) => (a.birthDate < b.birthDate ? -1 : 1));
      // Consecutive parities, and at least a year between siblings.
      return kids.some(
        (k, i) => k.parity !== i + 1 || (i > 0 && yearsBetween(kids[i - 1]!.birthDate, k.birthDate) < 1),
      );
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(persons.filter((p) => p.parity !== null)).toHaveLength(mothers.length);
  });

  it('has 11–13 births per 1000 a year over five years, parities ≈ 40/40/20 and SRB 106–110', () => {
    const { persons, recent, recentBoys, parityShares } = big;
    const rate = (recent.length / 5 / persons.length) * 1000;
    expect(rate).toBeGreaterThanOrEqual(11);
    expect(rate).toBeLessThanOrEqual(13);
    const [first, second, third] = parityShares as [number, number, number];
    expect(first).toBeGreaterThan(0.35);
    expect(first).toBeLessThan(0.45);
    expect(second).toBeGreaterThan(0.35);
    expect(second).toBeLessThan(0.45);
    expect(third).toBeGreaterThan(0.15);
    expect(third).toBeLessThan(0.25);
    const srb = (100 * recentBoys) / (recent.length - recentBoys);
    expect(srb).toBeGreaterThanOrEqual(106);
    expect(srb).toBeLessThanOrEqual(110);
  });

  it('reports births after the birth and never after today, ~92% within 30 days', () => {
    const { persons, recent } = big;
    const dayMs = 86_400_000;
    const todayMs = Date.parse(`${TODAY}T00:00:00.000Z`);
    const wrong = persons.filter((p) => {
      const at = Date.parse(p.reportedAt);
      return !(at < todayMs && at > Date.parse(`${p.birthDate}T00:00:00.000Z`));
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    const delays = recent.map((p) =>
      Math.floor((Date.parse(p.reportedAt) - Date.parse(`${p.birthDate}T00:00:00.000Z`)) / dayMs),
    );
    expect(delays.every((d) => d >= 1 && d <= 200)).toBe(true);
    const onTime = share(delays.filter((d) => d <= 30).length, delays.length);
    expect(onTime).toBeGreaterThan(0.9);
    expect(onTime).toBeLessThan(0.95);
  });

  it('keeps hukou at home for ~96%, names tidy, villages uneven and reference figures a little above residents', () => {
    const { pop, persons } = big;
    const away = persons.filter((p) => p.hukouRegionCode !== p.residenceRegionCode);
    expect(share(away.length, persons.length)).toBeGreaterThan(0.02);
    expect(share(away.length, persons.length)).toBeLessThan(0.06);
    expect(away.every((p) => OTHER_COUNTIES.includes(p.hukouRegionCode))).toBe(true);
    expect(persons.every((p) => /^[^<>\u0000-\u001f\u007f]{2,4}$/u.test(p.name))).toBe(true);
    const residents = new Map<string, number>();
    for (const p of persons) residents.set(p.residenceRegionCode, (residents.get(p.residenceRegionCode) ?? 0) + 1);
    const sizes = [...residents.values()];
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(1.8);
    for (const r of pop.referencePopulation)
      expect(r.residentPopulation).toBeGreaterThanOrEqual(residents.get(r.regionCode) ?? 0);
    const total = pop.referencePopulation.reduce((sum, r) => sum + r.residentPopulation, 0);
    expect(persons.length / total).toBeGreaterThan(0.96);
    expect(persons.length / total).toBeLessThan(0.99);
  });
});
