import type { Message } from '@cradle/domain';

/**
 * The five files of a projection folder, named as the UN's Canada inputs in
 * reference/projection: `canada-1950-base-population.csv`, `canada-survival-ratios.csv`…
 * The prefix (`canada-`) may be any name or none, the same for all five; the base year is the
 * one in the base population's name.
 */
export const INPUT_FILES = {
  survival: { suffix: 'survival-ratios.csv', columns: ['year', 'sex', 'age', 'survival_ratio'] },
  fertility: { suffix: 'fertility-rates.csv', columns: ['year', 'age', 'fert_rate'] },
  srb: { suffix: 'srb.csv', columns: ['year', 'srb'] },
  migration: { suffix: 'net-migration.csv', columns: ['year', 'sex', 'age', 'net_migrants'] },
} as const;

export const BASE_COLUMNS = ['sex', 'age', 'pop'] as const;
const BASE_NAME = /^(?<prefix>(?:[\p{L}\p{N}_.]+-)?)(?<year>\d{4})-base-population\.csv$/u;

export type InputFile = keyof typeof INPUT_FILES;

export interface FolderFiles {
  baseYear: number;
  base: string;
  others: Record<InputFile, string>;
}

/** The file names in a folder's listing, or what is wrong with it. */
export function findInputFiles(names: readonly string[]): { files: FolderFiles } | { problem: Message } {
  const bases = names.filter((n) => BASE_NAME.test(n));
  if (bases.length !== 1) {
    const listed = bases.join(', ');
    return {
      problem:
        bases.length === 0
          ? {
              zh: '缺少基期人口文件（[前缀-]年份-base-population.csv，如 canada-1950-base-population.csv）',
              en: 'missing the base population file ([prefix-]YEAR-base-population.csv, e.g. canada-1950-base-population.csv)',
            }
          : { zh: `基期人口文件不止一个：${listed}`, en: `more than one base population file: ${listed}` },
    };
  }
  const match = BASE_NAME.exec(bases[0]!)!.groups!;
  const prefix = match.prefix!;
  const others = Object.fromEntries(
    Object.entries(INPUT_FILES).map(([key, f]) => [key, `${prefix}${f.suffix}`]),
  ) as Record<InputFile, string>;
  return { files: { baseYear: Number(match.year), base: bases[0]!, others } };
}
