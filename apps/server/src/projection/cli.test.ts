import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { projectCommand } from './cli.js';

// The published reference files, copied into the repository (reference/README.md).
const REFERENCE = path.resolve(repoRoot, 'reference/projection');

/** year|sex|age → pop from a `year,sex,age,pop` CSV (sex quoted or not). */
function readPopulation(text: string): Map<string, number> {
  const [header, ...lines] = text.trim().split('\n');
  expect(header!.replaceAll('"', '')).toBe('year,sex,age,pop');
  return new Map(
    lines.map((line) => {
      const [year, sex, age, pop] = line.replaceAll('"', '').split(',');
      return [`${year}|${sex}|${age}`, Number(pop)];
    }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cradle-projection-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run cli -- project on the UN’s Canada inputs', () => {
  it('finds the reference folder beside the repository', () => {
    expect(existsSync(path.join(REFERENCE, 'canada-1950-base-population.csv'))).toBe(true);
  });

  it('writes 1951–1955 within the README’s tolerances of the published run', async () => {
    const out = path.join(dir, 'canada.csv');
    const args = ['--import', 'tsx', 'apps/server/src/cli.ts', 'project', '--inputs', REFERENCE, '--years', '5'];
    await promisify(execFile)(process.execPath, [...args, '--out', out], { cwd: repoRoot });
    const ours = readPopulation(await readFile(out, 'utf8'));
    const published = readPopulation(
      await readFile(path.join(REFERENCE, 'canada-expected-population-1951-1955.csv'), 'utf8'),
    );
    // The same cells; the published file is ordered by sex first, ours by year.
    expect([...ours.keys()].sort()).toEqual([...published.keys()].sort());
    for (let year = 1951; year <= 1955; year++) {
      let oursTotal = 0;
      let publishedTotal = 0;
      for (const [key, p] of published) {
        const [y, , a] = key.split('|');
        if (Number(y) !== year) continue;
        const age = Number(a);
        const d = Math.abs(ours.get(key)! - p);
        oursTotal += ours.get(key)!;
        publishedTotal += p;
        // README: cohorts aged 0 and 1 in a step within ~250; the open group drifts; the rest within a person.
        if (age <= year - 1950) expect(d).toBeLessThanOrEqual(250);
        else if (age < 100) expect(d).toBeLessThanOrEqual(1);
        else expect(d).toBeLessThanOrEqual(50);
      }
      expect(Math.abs(oursTotal / publishedTotal - 1)).toBeLessThan(0.00001);
    }
  });
});

/** A small valid folder: ages 0, 1, 2 and 3+ from 1 January 2026, two years of rates. */
async function smallFolder(name: string, edit: Partial<Record<string, string>> = {}): Promise<string> {
  const folder = path.join(dir, name);
  const rows = (f: (year: number, sex: string, age: number) => string) =>
    [2026, 2027].flatMap((y) => ['female', 'male'].flatMap((s) => [0, 1, 2, 3].map((a) => f(y, s, a))));
  const files: Record<string, string> = {
    '2026-base-population.csv':
      'sex,age,pop\n' + ['female', 'male'].flatMap((s) => [0, 1, 2, 3].map((a) => `${s},${a},100`)).join('\n'),
    'survival-ratios.csv': 'year,sex,age,survival_ratio\n' + rows((y, s, a) => `${y},${s},${a},0.99`).join('\n'),
    'fertility-rates.csv':
      'year,age,fert_rate\n' +
      [2026, 2027].flatMap((y) => [0, 1, 2, 3].map((a) => `${y},${a},${a === 2 ? 0.5 : 0}`)).join('\n'),
    'srb.csv': 'year,srb\n2026,1.05\n2027,1.05',
    'net-migration.csv': 'year,sex,age,net_migrants\n' + rows((y, s, a) => `${y},${s},${a},-1`).join('\n'),
    ...edit,
  };
  await mkdir(folder);
  for (const [file, text] of Object.entries(files))
    if (text !== undefined) await writeFile(path.join(folder, file), text);
  return folder;
}

async function run(folder: string) {
  let stderr = '';
  const out = path.join(folder, 'out.csv');
  const code = await projectCommand(['--inputs', folder, '--years', '2', '--out', out], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stderr, written: existsSync(out), out };
}

describe('npm run cli -- project on bad inputs', () => {
  it('projects a folder whose files have no prefix', async () => {
    const r = await run(await smallFolder('good'));
    expect(r.code).toBe(0);
    const pop = readPopulation(await readFile(r.out, 'utf8'));
    expect(pop.size).toBe(2 * 2 * 4);
    // Age 1 in 2027: 100 at age 0 surviving (0.99), then one emigrant.
    expect(pop.get('2027|female|1')).toBeCloseTo(100 * 0.99 - 1, 9);
  });

  it('names a missing file, in both languages, and writes nothing', async () => {
    const folder = await smallFolder('no-srb');
    await rm(path.join(folder, 'srb.csv'));
    const r = await run(folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少文件 srb.csv');
    expect(r.stderr).toContain('missing file srb.csv');
    expect(r.written).toBe(false);
  });

  it('names a negative population with its file and line', async () => {
    const r = await run(
      await smallFolder('negative', {
        '2026-base-population.csv':
          'sex,age,pop\nfemale,0,100\nfemale,1,-5\nfemale,2,1\nfemale,3,1\nmale,0,1\nmale,1,1\nmale,2,1\nmale,3,1',
      }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2026-base-population.csv line 3: pop cannot be negative: -5');
    expect(r.stderr).toContain('不能为负数');
    expect(r.written).toBe(false);
  });

  it('names a missing age in a year the projection needs', async () => {
    const folder = await smallFolder('missing-age');
    const file = path.join(folder, 'survival-ratios.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('\n2027,male,2,0.99', ''));
    const r = await run(folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('survival-ratios.csv: missing survival_ratio for year 2027, male, age 2');
    expect(r.written).toBe(false);
  });

  it('names a value that is not a number', async () => {
    const r = await run(await smallFolder('text', { 'srb.csv': 'year,srb\n2026,1.05\n2027,abc' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('srb.csv line 3: srb is not a number: "abc"');
  });

  it('refuses a folder without a base population file', async () => {
    const folder = await smallFolder('no-base');
    await rm(path.join(folder, '2026-base-population.csv'));
    const r = await run(folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing the base population file');
  });
});
