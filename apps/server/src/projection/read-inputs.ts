import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SEXES, type Message, type MigrationTiming, type ProjectionInputs, type Sex } from '@cradle/domain';
import { BASE_COLUMNS, findInputFiles, INPUT_FILES, type InputFile } from './input-files.js';
import { parseTable, ProblemList, type Table } from './tables.js';

export interface ReadOptions {
  /** Years ahead; a multiple of the age width. */
  years: number;
  timing: MigrationTiming;
}

/**
 * Reads a folder of projection inputs (input-files.ts) into the engine's inputs, or every problem
 * found (up to a limit), in Chinese and English: a missing file, column, year or age, a value that
 * is not a number, a negative one where none can be (all but net migration).
 */
export async function readProjectionInputs(
  dir: string,
  options: ReadOptions,
): Promise<{ inputs: ProjectionInputs } | { problems: Message[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { problems: [{ zh: `无法读取输入目录 ${dir}`, en: `cannot read the input folder ${dir}` }] };
  }
  const found = findInputFiles(names);
  if ('problem' in found) return { problems: [found.problem] };
  const { files } = found;
  const problems = new ProblemList();
  const read = async (name: string, columns: readonly string[]) => {
    if (!names.includes(name)) {
      problems.add({ zh: `缺少文件 ${name}`, en: `missing file ${name}` });
      return null;
    }
    return parseTable(name, await readFile(path.join(dir, name), 'utf8'), columns, problems);
  };
  const base = await read(files.base, BASE_COLUMNS);
  const tables = {} as Record<InputFile, Table | null>;
  for (const key of Object.keys(INPUT_FILES) as InputFile[]) {
    tables[key] = await read(files.others[key], INPUT_FILES[key].columns);
  }
  if (!base || Object.values(tables).includes(null) || problems.any()) return { problems: problems.list() };
  const built = buildInputs(files.baseYear, base, tables as Record<InputFile, Table>, options, problems);
  return problems.any() || !built ? { problems: problems.list() } : { inputs: built };
}

function buildInputs(
  baseYear: number,
  base: Table,
  t: Record<InputFile, Table>,
  options: ReadOptions,
  problems: ProblemList,
): ProjectionInputs | null {
  const ages = [...new Set(base.rows.map((r) => r.age!))].sort((a, b) => a - b);
  const width = ages[1]! - ages[0]!;
  if (ages[0] !== 0 || (width !== 1 && width !== 5) || ages.some((a, i) => a !== i * width)) {
    problems.add({
      zh: `${base.file}：年龄须从 0 起，逐岁或每 5 岁一组，最后一组为开口组`,
      en: `${base.file}: ages must run from 0 in steps of 1 or 5, the last being the open group`,
    });
    return null;
  }
  if (options.years % width !== 0) {
    problems.add({ zh: `--years 须为 ${width} 的倍数`, en: `--years must be a multiple of ${width}` });
    return null;
  }
  const steps = options.years / width;
  const stepYears = Array.from({ length: steps }, (_, k) => baseYear + k * width);
  const grid = { ages, stepYears, problems };
  const basePopulation = bySex(grid, base, 'pop', [undefined]);
  const survival = bySexPerYear(grid, t.survival, 'survival_ratio');
  const migration = bySexPerYear(grid, t.migration, 'net_migrants');
  const fertility = cells(grid, t.fertility, 'fert_rate', stepYears, [undefined]);
  const srb = cells({ ...grid, ages: [0] }, t.srb, 'srb', stepYears, [undefined]);
  if (problems.any()) return null;
  return {
    ageWidth: width,
    startYear: baseYear,
    basePopulation: basePopulation[0]!,
    survivalRatios: survival,
    fertilityRates: fertility.map((c) => c.get(undefined)!),
    sexRatioAtBirth: srb.map((c) => c.get(undefined)![0]!),
    netMigration: { timing: options.timing, counts: migration },
  };
}

interface Grid {
  ages: number[];
  stepYears: number[];
  problems: ProblemList;
}

function bySexPerYear(grid: Grid, table: Table, column: string) {
  return bySex(grid, table, column, grid.stepYears);
}

function bySex(grid: Grid, table: Table, column: string, years: (number | undefined)[]) {
  return cells(grid, table, column, years, SEXES).map((c) => ({ female: c.get('female')!, male: c.get('male')! }));
}

/**
 * The table's values for each year (undefined: a table without years) and sex (undefined: none)
 * on the age grid; reports each year's missing, duplicate and off-grid cells once per table.
 */
function cells<S extends Sex | undefined>(
  grid: Grid,
  table: Table,
  column: string,
  years: (number | undefined)[],
  sexes: readonly S[],
): Map<S, Float64Array>[] {
  const index = new Map(grid.ages.map((a, i) => [a, i]));
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const out = years.map(() => new Map(sexes.map((s) => [s, new Float64Array(grid.ages.length).fill(NaN)])));
  for (const row of table.rows) {
    const k = yearIndex.get(row.year);
    if (k === undefined) continue; // a year outside the projection
    const sex = row.sex as S;
    const target = out[k]!.get(sex);
    if (!target) continue; // "both" in the migration file: the sum of the two sexes
    const i = index.get(row.age ?? 0);
    if (i === undefined) {
      grid.problems.add(msgOffGrid(table.file, row.line, row.age!));
    } else if (!Number.isNaN(target[i]!)) {
      grid.problems.add(msgDuplicate(table.file, row.line));
    } else {
      target[i] = row.values[column]!;
    }
  }
  out.forEach((bySexCells, k) => {
    for (const [sex, values] of bySexCells) {
      const missing = values.findIndex(Number.isNaN);
      if (missing >= 0) grid.problems.add(msgMissing(table.file, years[k], sex, grid.ages[missing]!, column));
    }
  });
  return out;
}

const msgOffGrid = (file: string, line: number, age: number): Message => ({
  zh: `${file} 第 ${line} 行：年龄 ${age} 不在基期人口的年龄组中`,
  en: `${file} line ${line}: age ${age} is not an age group of the base population`,
});
const msgDuplicate = (file: string, line: number): Message => ({
  zh: `${file} 第 ${line} 行：与前面的行重复`,
  en: `${file} line ${line}: repeats an earlier row`,
});
function msgMissing(
  file: string,
  year: number | undefined,
  sex: Sex | undefined,
  age: number,
  column: string,
): Message {
  const zhSex = sex === 'female' ? '女性' : sex === 'male' ? '男性' : '';
  const zh = [year === undefined ? '' : `${year} 年`, zhSex, column === 'srb' ? '' : `${age} 岁`].join('');
  const en = [year === undefined ? '' : `year ${year}`, sex ?? '', column === 'srb' ? '' : `age ${age}`]
    .filter(Boolean)
    .join(', ');
  return { zh: `${file}：缺少 ${zh} 的 ${column}`, en: `${file}: missing ${column} for ${en}` };
}
