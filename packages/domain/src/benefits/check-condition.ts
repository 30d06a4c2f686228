import { ageOn } from '../calendar-date.js';
import type { BeneficiaryFacts } from './facts.js';
import type { Period } from './periods.js';
import type { Condition } from './scheme.js';
import {
  DECLARED_LABELS,
  asNumber,
  asNumbers,
  asString,
  birthdaysIn,
  describeMonths,
  eligibleMonths,
  isAliveAt,
  type ParamAt,
  type TraceStep,
} from './conditions.js';

const STATUS_LABELS = {
  bereaved: { zh: '独生子女死亡（失独）', en: 'only child died (bereaved)' },
  disabledChild: { zh: '独生子女伤残', en: 'only child disabled' },
} as const;

/**
 * One condition against the facts for a period. `on` is the day whose parameter values apply
 * (the period's start; a one-time grant's, the birth date: the rule in force at birth).
 */
export function checkCondition(
  c: Condition,
  facts: BeneficiaryFacts,
  period: Period,
  on: string,
  param: ParamAt,
): TraceStep {
  const step = (pass: boolean, saw: string, zh: string, en: string): TraceStep => ({
    check: c.kind,
    rule: { zh, en },
    saw,
    pass,
    basis: c.basis,
    ...(c.interpretation ? { interpretation: c.interpretation } : {}),
  });
  const missing = (name: string) => step(false, '—', `参数「${name}」未设定`, `parameter "${name}" is not set`);
  switch (c.kind) {
    case 'alive': {
      const at = period.frequency === 'once' ? facts.birthDate : period.start;
      return step(isAliveAt(facts, at), facts.deathDate ?? '在世 / alive', `${at} 时在世`, `alive on ${at}`);
    }
    case 'hukouIn':
      return step(
        facts.hukouRegionCode.startsWith(c.regionPrefix),
        facts.hukouRegionCode,
        `户籍在${c.regionName.zh}（${c.regionPrefix}）`,
        `hukou registered in ${c.regionName.en} (${c.regionPrefix})`,
      );
    case 'bornOnOrAfter': {
      const from = asString(param(c.param, on));
      if (from === null) return missing(c.param);
      return step(facts.birthDate >= from, facts.birthDate, `${from} 及以后出生`, `born on or after ${from}`);
    }
    case 'bornOnOrBefore': {
      const to = asString(param(c.param, on));
      if (to === null) return missing(c.param);
      return step(facts.birthDate <= to, facts.birthDate, `${to} 及以前出生`, `born on or before ${to}`);
    }
    case 'parityIn': {
      const parities = asNumbers(param(c.param, on));
      if (parities === null) return missing(c.param);
      const list = parities.join('、');
      const saw = facts.parity === null ? '未知 / unknown' : String(facts.parity);
      return step(
        facts.parity !== null && parities.includes(facts.parity),
        saw,
        `孩次为 ${list}（按全员人口库亲子关系计算）`,
        `parity ${parities.join(' or ')} (from the registry's parent–child links)`,
      );
    }
    case 'underAgeMonths': {
      const limit = asNumber(param(c.param, on));
      if (limit === null) return missing(c.param);
      const months = eligibleMonths(facts, period, limit, null);
      return step(
        months.length > 0,
        describeMonths(months),
        `本期内有未满 ${limit} 周岁的月份`,
        `under ${limit} in some month of the period`,
      );
    }
    case 'yearOfAgeStarts': {
      const limit = asNumber(param(c.param, on));
      if (limit === null) return missing(c.param);
      const ages = birthdaysIn(facts, period, limit);
      return step(
        ages.length > 0,
        ages.length ? `${ages[0]} 周岁始于本期 / age ${ages[0]} begins` : '—',
        `本年度内开始第 1–${limit} 个年龄年（每满一岁一次）`,
        `one of ages 0–${limit - 1} begins in the year (once per year of age)`,
      );
    }
    case 'ageAtLeast': {
      const years = asNumber(param(c.param, on));
      if (years === null) return missing(c.param);
      const age = ageOn(facts.birthDate, period.frequency === 'once' ? on : period.start);
      return step(age >= years, String(age), `年满 ${years} 周岁`, `aged ${years} or over`);
    }
    case 'specialFamily': {
      const s = facts.specialFamilyStatus;
      const zh = c.statuses.map((x) => STATUS_LABELS[x].zh).join('或');
      const en = c.statuses.map((x) => STATUS_LABELS[x].en).join(' or ');
      return step(
        s !== null && c.statuses.includes(s),
        s === null ? '否 / no' : `${STATUS_LABELS[s].zh} / ${STATUS_LABELS[s].en}`,
        `计划生育特殊家庭：${zh}`,
        `special family: ${en}`,
      );
    }
    case 'declared': {
      const label = DECLARED_LABELS[c.fact]!;
      const v = facts.declared[c.fact] === true;
      return step(
        v,
        v ? '已承诺 / declared' : '未承诺 / not declared',
        `申请人承诺：${label.zh}`,
        `the applicant declares: ${label.en}`,
      );
    }
  }
}
