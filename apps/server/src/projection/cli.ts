import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { projectPopulation, SEXES, type ProjectionResult } from '@cradle/domain';
import { readProjectionInputs } from './read-inputs.js';

const USAGE =
  'usage: project --inputs DIR --years N --out FILE.csv [--migration end|even]\n' +
  '  DIR holds [prefix-]YEAR-base-population.csv, [prefix-]survival-ratios.csv, [prefix-]fertility-rates.csv,\n' +
  '  [prefix-]srb.csv and [prefix-]net-migration.csv, shaped as reference/projection/canada-*.csv\n';

interface Stream {
  write(s: string): unknown;
}

/**
 * `cradle project`: runs the cohort-component projection on a folder of CSV inputs shaped as the
 * UN's Canada files and writes `year,sex,age,pop` for each projected year, so demographers can
 * hold it against their own tools. Writes nothing unless every input is sound. Returns the exit code.
 */
export async function projectCommand(args: string[], io: { stdout?: Stream; stderr?: Stream } = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  let v: { inputs?: string; years?: string; out?: string; migration?: string };
  try {
    v = parseArgs({
      args,
      options: {
        inputs: { type: 'string' },
        years: { type: 'string' },
        out: { type: 'string' },
        migration: { type: 'string' },
      },
    }).values;
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const years = Number(v.years);
  const timing = v.migration ?? 'end';
  if (!v.inputs || !v.out || !Number.isInteger(years) || years < 1 || (timing !== 'end' && timing !== 'even')) {
    err.write(
      '参数有误：需要 --inputs、--out 与正整数 --years\nbad arguments: --inputs, --out and a positive whole --years are required\n' +
        USAGE,
    );
    return 1;
  }
  const read = await readProjectionInputs(v.inputs, { years, timing });
  if ('problems' in read) {
    err.write('输入有误，未写出结果 / bad inputs, nothing written:\n');
    for (const p of read.problems) err.write(`  ${p.zh}\n  ${p.en}\n`);
    return 2;
  }
  const result = projectPopulation(read.inputs);
  // Written beside the target and renamed: a reader never sees half a file.
  const partial = `${v.out}.${process.pid}.partial`;
  try {
    await writeFile(partial, toCsv(result));
    await rename(partial, v.out);
  } catch (e) {
    await rm(partial, { force: true });
    err.write(`无法写出 ${v.out} / cannot write ${v.out}: ${(e as Error).message}\n`);
    return 1;
  }
  out.write(
    `${v.out}: ${result.years.length - 1} × ${read.inputs.ageWidth} years, ${result.years[1]}–${result.years.at(-1)}\n`,
  );
  return 0;
}

/** `year,sex,age,pop` for the projected years (not the base), female first as the UN writes it. */
export function toCsv(result: ProjectionResult): string {
  const lines = ['year,sex,age,pop'];
  for (let k = 1; k < result.years.length; k++) {
    for (const sex of SEXES) {
      result.population[k]![sex].forEach((pop, i) => {
        lines.push(`${result.years[k]},${sex},${i * result.ageWidth},${pop}`);
      });
    }
  }
  return lines.join('\n') + '\n';
}
