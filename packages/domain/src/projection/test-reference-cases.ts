// The published cases of reference/projection (its README), read as text by vitest and
// turned into engine inputs for the tests.
import prestonCsv from '../../../../reference/projection/sweden-1993-preston-box-6-2.csv?raw';
import canadaBaseCsv from '../../../../reference/projection/canada-1950-base-population.csv?raw';
import canadaSurvivalCsv from '../../../../reference/projection/canada-survival-ratios.csv?raw';
import canadaFertilityCsv from '../../../../reference/projection/canada-fertility-rates.csv?raw';
import canadaSrbCsv from '../../../../reference/projection/canada-srb.csv?raw';
import canadaMigrationCsv from '../../../../reference/projection/canada-net-migration.csv?raw';
import canadaExpectedCsv from '../../../../reference/projection/canada-expected-population-1951-1955.csv?raw';
import type { Sex } from '../id-number.js';
import { SEXES, type BySex, type ProjectionInputs } from './types.js';

type Row = Record<string, string>;

export function parseCsv(text: string): Row[] {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const names = head!.split(',').map(unquote);
  return lines.map((line) => {
    const cells = line.split(',').map(unquote);
    return Object.fromEntries(names.map((name, i) => [name, cells[i]!]));
  });
}

const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');
const num = (row: Row, column: string) => Number(row[column]);

/** Preston, Heuveline and Guillot (2001), Box 6.2: rows of the reference file, by age group. */
export const prestonRows = parseCsv(prestonCsv);

export function prestonInputs(): ProjectionInputs {
  const col = (name: string) => Float64Array.from(prestonRows, (r) => num(r, name));
  return {
    ageWidth: 5,
    startYear: 1993,
    basePopulation: { female: col('pop_f_begin'), male: col('pop_m_begin') },
    survivalRatios: [{ female: col('survival_ratio_f'), male: col('survival_ratio_m') }],
    fertilityRates: [col('fert_rate_f')],
    // The README: "sex ratio at birth 1.05".
    sexRatioAtBirth: [1.05],
    netMigration: { timing: 'even', counts: [{ female: col('mig_net_f'), male: col('mig_net_m') }] },
  };
}

export const CANADA_BASE_YEAR = 1950;
export const CANADA_AGES = 101;

function bySexAndAge(rows: Row[], column: string, year?: number): BySex<Float64Array> {
  const out = { female: new Float64Array(CANADA_AGES), male: new Float64Array(CANADA_AGES) };
  for (const r of rows) {
    // The migration file also has "both" rows, the sum of the two.
    if ((year !== undefined && num(r, 'year') !== year) || !SEXES.includes(r.sex as Sex)) continue;
    out[r.sex as Sex][num(r, 'age')] = num(r, column);
  }
  return out;
}

/** The UN's Canada run from 1 January 1950, `steps` single years. */
export function canadaInputs(steps: number): ProjectionInputs {
  const survival = parseCsv(canadaSurvivalCsv);
  const fertility = parseCsv(canadaFertilityCsv);
  const srb = parseCsv(canadaSrbCsv);
  const migration = parseCsv(canadaMigrationCsv);
  const years = Array.from({ length: steps }, (_, k) => CANADA_BASE_YEAR + k);
  return {
    ageWidth: 1,
    startYear: CANADA_BASE_YEAR,
    basePopulation: bySexAndAge(parseCsv(canadaBaseCsv), 'pop'),
    survivalRatios: years.map((y) => bySexAndAge(survival, 'survival_ratio', y)),
    fertilityRates: years.map((y) => {
      const rates = new Float64Array(CANADA_AGES);
      for (const r of fertility) if (num(r, 'year') === y) rates[num(r, 'age')] = num(r, 'fert_rate');
      return rates;
    }),
    sexRatioAtBirth: years.map((y) =>
      num(
        srb.find((r) => num(r, 'year') === y)!,
        'srb',
      ),
    ),
    netMigration: { timing: 'end', counts: years.map((y) => bySexAndAge(migration, 'net_migrants', y)) },
  };
}

/** The UN's published Canada population by year (1951–1955), sex and age. */
export function canadaExpected(): Map<number, BySex<Float64Array>> {
  const rows = parseCsv(canadaExpectedCsv);
  const byYear = new Map<number, BySex<Float64Array>>();
  for (const year of new Set(rows.map((r) => num(r, 'year')))) {
    byYear.set(
      year,
      bySexAndAge(
        rows.filter((r) => num(r, 'year') === year),
        'pop',
      ),
    );
  }
  return byYear;
}

export { SEXES };
