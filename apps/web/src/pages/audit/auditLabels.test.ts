import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';

// The audit log shows each action by its label (auditLabels.ts); an action without one would show
// its code ("childcare.file") in the Chinese interface. This reads the server's source for the
// actions it writes, as literals where an action is named (`action: '…'`, `audit(…, '…')`), less
// the error codes (keys of defineErrors), plus those it builds from parts, and asks for a label of
// each in both languages.

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Actions the server builds from parts (a template literal), which no literal names. */
const BUILT = [
  'annualReport.accept',
  'annualReport.sendBack',
  'specialFamily.confirm',
  'specialFamily.reject',
  'specialFamily.end',
  'childcare.exportInstitutionInspections',
  'childcare.exportInstitutionRectifications',
  'childcare.exportInstitutionRatings',
  'childcare.exportInstitutionIncidents',
  'childbirthRegistration.view',
  'childbirthRegistration.complete',
  'childbirthRegistration.requestInfo',
  'childbirthRegistration.receipt',
];

function auditActions(): string[] {
  const literal = /'([a-z][a-zA-Z]+\.[a-z][a-zA-Z]+)'/g;
  const errors = new Set<string>();
  const actions = new Set<string>(BUILT);
  for (const file of sourceFiles(serverSrc)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const error = /^\s+'([a-z]\w*\.\w+)': \{/.exec(line);
      if (error) errors.add(error[1]!);
      const context = lines.slice(Math.max(0, i - 2), i + 1).join(' ');
      if (/\baction\b|audit\(|Audit\(/.test(context)) for (const m of line.matchAll(literal)) actions.add(m[1]!);
    });
  }
  return [...actions].filter((a) => !errors.has(a)).sort();
}

type Labels = Record<string, Record<string, string>>;
const has = (labels: Labels, action: string) => {
  const [group, name] = action.split('.') as [string, string];
  return typeof labels[group]?.[name] === 'string';
};

describe('audit action labels', () => {
  const actions = auditActions();

  it('finds the actions the server writes', () => {
    // A floor, so a broken scan fails here rather than passing on nothing.
    expect(actions.length).toBeGreaterThan(120);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'childcare.file', 'supervision.downloadEvidence']));
  });

  it('labels every one of them in Chinese and in English', () => {
    // Two literals sit beside an audit call without being actions: an error raised there.
    const notActions = new Set(['review.reasonRequired', 'task.wrongStatus']);
    const wanted = actions.filter((a) => !notActions.has(a));
    expect(wanted.filter((a) => !has(zhCN.audit.actions as Labels, a))).toEqual([]);
    expect(wanted.filter((a) => !has(en.audit.actions as Labels, a))).toEqual([]);
  });
});
