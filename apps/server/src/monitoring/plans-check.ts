import { findIndicator, isDecimalString, type Message, type Plan, type Target } from '@cradle/domain';
import type { PlanDefinition, PlanTargetInput } from '@cradle/contract';

// A county's plan draft checked before anything is written (issue 13, "Plans as data"; "Bad
// input": a clear message, nothing written). Each problem names its field and says what to fix.

export interface PlanProblem {
  field: string;
  message: Message;
}

/**
 * Which comparisons an indicator admits: a band (from–to) only where neither direction is better
 * (the sex ratio at birth, judged against 103–107: domain plans/bases.ts); a ceiling only where
 * lower is better or neither; a floor only where higher is better or neither; `equal` always
 * (002 一 孕产妇死亡率为"0").
 */
function admits(higherIsBetter: boolean | null, comparison: PlanTargetInput['comparison']): boolean {
  switch (comparison) {
    case 'band':
      return higherIsBetter === null;
    case 'atMost':
      return higherIsBetter !== true;
    case 'atLeast':
      return higherIsBetter !== false;
    case 'equal':
      return true;
  }
}

export function checkPlanDefinition(d: PlanDefinition): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, message: { zh, en } });
  if (d.title.trim() === '') add('title', '请填写方案名称', 'give the plan’s title');
  if (d.issuer.trim() === '') add('issuer', '请填写发文单位', 'name the issuer');
  if (d.periodTo < d.periodFrom) add('period', '期间的结束日期早于开始日期', 'the period ends before it begins');
  if (d.targets.length === 0) add('targets', '至少设定一个目标', 'set at least one target');
  const fromYear = Number(d.periodFrom.slice(0, 4));
  const toYear = Number(d.periodTo.slice(0, 4));
  const seen = new Set<string>();
  d.targets.forEach((t, i) => {
    const row = i + 1;
    const f = (name: string) => `targets.${i}.${name}`;
    const def = findIndicator(t.indicator);
    if (!def) add(f('indicator'), `第${row}行：指标目录中没有该指标`, `row ${row}: no such indicator in the catalogue`);
    if (!isDecimalString(t.value.trim()))
      add(
        f('value'),
        `第${row}行：目标值须为不带单位的非负数，如 4.5、10、0`,
        `row ${row}: the target must be a non-negative number without its unit, such as 4.5, 10 or 0`,
      );
    if (t.comparison === 'band') {
      const upper = (t.upper ?? '').trim();
      if (!isDecimalString(upper))
        add(
          f('upper'),
          `第${row}行：区间的上限须为非负数，如 107`,
          `row ${row}: the band’s upper end must be a number such as 107`,
        );
      else if (isDecimalString(t.value.trim()) && Number(upper) < Number(t.value))
        add(f('upper'), `第${row}行：区间的上限小于下限`, `row ${row}: the band’s upper end is below its lower end`);
    }
    if (def && !admits(def.higherIsBetter, t.comparison)) {
      const what =
        t.comparison === 'band'
          ? {
              zh: '区间只适用于出生人口性别比这类无高低优劣之分的指标',
              en: 'a band applies only to an indicator with no better direction, such as the sex ratio at birth',
            }
          : def.higherIsBetter
            ? {
                zh: '该指标越高越好，目标应为「不低于」或「等于」',
                en: 'higher is better for this indicator: the target is a floor or an exact value',
              }
            : {
                zh: '该指标越低越好，目标应为「不高于」或「等于」',
                en: 'lower is better for this indicator: the target is a ceiling or an exact value',
              };
      add(f('comparison'), `第${row}行：${what.zh}`, `row ${row}: ${what.en}`);
    }
    if (t.year !== null && (t.year < fromYear || t.year > toYear))
      add(
        f('year'),
        `第${row}行：年份${t.year}不在方案期间（${fromYear}–${toYear}年）内`,
        `row ${row}: the year ${t.year} lies outside the plan’s period (${fromYear}–${toYear})`,
      );
    const key = `${t.indicator}|${t.year ?? '*'}`;
    if (seen.has(key))
      add(
        f('indicator'),
        `第${row}行：同一指标同一年份的目标重复（区间请写在一行）`,
        `row ${row}: a second target for the same indicator and year (put a band on one row)`,
      );
    seen.add(key);
    if (t.clause.trim() === '') add(f('clause'), `第${row}行：请写明条款`, `row ${row}: name the clause`);
  });
  return problems;
}

/** The first problems in one sentence: the error's message names what to fix. */
export function problemsMessage(problems: readonly PlanProblem[]): Message {
  const shown = problems.slice(0, 3);
  const more = problems.length - shown.length;
  return {
    zh: shown.map((p) => p.message.zh).join('；') + (more > 0 ? `；另有${more}处` : ''),
    en: shown.map((p) => p.message.en).join('; ') + (more > 0 ? `; and ${more} more` : ''),
  };
}

/**
 * A stored definition as the domain's Plan, so the scorecard reads a county's plan as it reads a
 * built-in one. A band becomes the two bounds the built-in plans use for the sex ratio. The
 * drafter's reading is the issuer's own word on its document, so it counts as the document's
 * (`seed`), not Cradle's.
 */
export function toDomainPlan(code: string, jurisdictionCode: string, d: PlanDefinition): Plan {
  const basis = { document: d.documentNumber ?? d.title, clause: '' };
  const targets: Target[] = d.targets.flatMap((t) => {
    const common = {
      indicator: t.indicator,
      year: t.year,
      quote: t.quote ?? '',
      basis: { ...basis, clause: t.clause },
      readings: t.reading ? [{ by: 'seed' as const, note: { zh: t.reading, en: t.reading } }] : [],
    };
    if (t.comparison === 'band')
      return [
        { ...common, comparison: 'atLeast' as const, value: t.value.trim() },
        { ...common, comparison: 'atMost' as const, value: (t.upper ?? '').trim() },
      ];
    return [{ ...common, comparison: t.comparison, value: t.value.trim() }];
  });
  return {
    code,
    title: { zh: d.title, en: d.title },
    documentNumber: d.documentNumber,
    issuer: { zh: d.issuer, en: d.issuer },
    issueDate: d.issueDate,
    jurisdictionCode,
    period: { from: d.periodFrom, to: d.periodTo },
    seed: null,
    draft: false,
    targets,
    readings: [],
  };
}
