import { ageOn } from '../calendar-date.js';
import type { BeneficiaryFacts } from './facts.js';
import type { Period } from './periods.js';
import type { Condition, ParameterDefinition } from './scheme.js';
import type { Message } from '../messages.js';
import { specialFamilyNeedLabel } from '../special-families/kinds.js';
import { ageWords, birthWords, hukouWords, monthsWords, msg, notSetWords, parityWords } from './trace-words.js';
import {
  DECLARED_LABELS,
  asNumber,
  asNumbers,
  asString,
  birthdaysIn,
  eligibleMonths,
  isAliveAt,
  type ParamAt,
  type TraceStep,
} from './conditions.js';
import { checkInstitutionCondition } from './institution-rules.js';

/** The special-family statuses in words (also the amount's key: eligibility.ts). */
export const STATUS_LABELS = {
  bereaved: { zh: '独生子女死亡（失独）', en: 'only child died (bereaved)' },
  disabledChild: { zh: '独生子女伤残', en: 'only child disabled' },
} as const;

/**
 * One condition against the facts for a period. `on` is the day whose parameter values apply
 * (the period's start; a one-time grant's, the birth date: the rule in force at birth).
 * Each step says the rule and what it saw in both languages; a parameter is named by its label.
 */
export function checkCondition(
  c: Condition,
  facts: BeneficiaryFacts,
  period: Period,
  on: string,
  param: ParamAt,
  definitionOf: (name: string) => ParameterDefinition | undefined,
): TraceStep {
  const step = (pass: boolean, saw: Message, rule: Message): TraceStep => ({
    check: c.kind,
    rule,
    saw,
    pass,
    basis: c.basis,
    ...(c.interpretation ? { interpretation: c.interpretation } : {}),
  });
  const missing = (name: string) => step(false, msg('—', '—'), notSetWords(definitionOf(name), on));
  switch (c.kind) {
    case 'alive': {
      const at = period.frequency === 'once' ? facts.birthDate : period.start;
      const saw =
        facts.deathDate === null ? msg('在世', 'alive') : msg(`${facts.deathDate} 去世`, `died ${facts.deathDate}`);
      return step(isAliveAt(facts, at), saw, msg(`${at} 时在世`, `alive on ${at}`));
    }
    case 'hukouIn': {
      const inside = facts.hukouRegionCode.startsWith(c.regionPrefix);
      return step(
        inside,
        hukouWords(facts.hukouRegionCode, inside, c.regionName),
        msg(`户籍在${c.regionName.zh}`, `hukou registered in ${c.regionName.en}`),
      );
    }
    case 'bornOnOrAfter': {
      const from = asString(param(c.param, on));
      if (from === null) return missing(c.param);
      const pass = facts.birthDate >= from;
      return step(
        pass,
        birthWords(facts.birthDate, from, 'from', pass),
        msg(`${from} 及以后出生`, `born on or after ${from}`),
      );
    }
    case 'bornOnOrBefore': {
      const to = asString(param(c.param, on));
      if (to === null) return missing(c.param);
      const pass = facts.birthDate <= to;
      return step(
        pass,
        birthWords(facts.birthDate, to, 'to', pass),
        msg(`${to} 及以前出生`, `born on or before ${to}`),
      );
    }
    case 'parityIn': {
      const parities = asNumbers(param(c.param, on));
      if (parities === null) return missing(c.param);
      const saw =
        facts.parity === null
          ? msg('孩次未知（全员人口库无其母亲记录）', 'parity unknown (the registry has no mother for the child)')
          : parityWords(facts.parity);
      return step(
        facts.parity !== null && parities.includes(facts.parity),
        saw,
        msg(
          `孩次为 ${parities.join('、')}（按全员人口库亲子关系计算）`,
          `parity ${parities.join(' or ')} (from the registry's parent–child links)`,
        ),
      );
    }
    case 'underAgeMonths': {
      const limit = asNumber(param(c.param, on));
      if (limit === null) return missing(c.param);
      const months = eligibleMonths(facts, period, limit, null);
      return step(
        months.length > 0,
        monthsWords(months),
        msg(`本期内有未满 ${limit} 周岁的月份`, `under ${limit} in some month of the period`),
      );
    }
    case 'yearOfAgeStarts': {
      const limit = asNumber(param(c.param, on));
      if (limit === null) return missing(c.param);
      const ages = birthdaysIn(facts, period, limit);
      const first = ages[0];
      return step(
        first !== undefined,
        first === undefined
          ? msg(
              `出生日期 ${facts.birthDate}，本年度不在 0–${limit - 1} 周岁`,
              `born ${facts.birthDate}; no age 0–${limit - 1} begins this year`,
            )
          : first === 0
            ? msg('本年度出生', 'born this year')
            : msg(`本年度满 ${first} 周岁`, `turns ${first} this year`),
        msg(
          `本年度内开始第 1–${limit} 个年龄年（每满一岁一次）`,
          `one of ages 0–${limit - 1} begins in the year (once per year of age)`,
        ),
      );
    }
    case 'ageAtLeast': {
      const years = asNumber(param(c.param, on));
      if (years === null) return missing(c.param);
      const age = ageOn(facts.birthDate, period.frequency === 'once' ? on : period.start);
      return step(age >= years, ageWords(age), msg(`年满 ${years} 周岁`, `aged ${years} or over`));
    }
    case 'specialFamily': {
      const s = facts.specialFamilyStatus;
      const file = facts.specialFamilyFile ?? null;
      // Read from the register (issue 16), the step names the file and the version it read.
      const status = s === null ? msg('非计划生育特殊家庭', 'not a special family') : STATUS_LABELS[s];
      const saw =
        file === null
          ? status
          : msg(
              `${status.zh}（特殊家庭档案 ${file.id} 第 ${file.version} 版，自 ${file.effectiveFrom} 起）`,
              `${status.en} (special-family file ${file.id}, version ${file.version}, from ${file.effectiveFrom})`,
            );
      return step(
        s !== null && c.statuses.includes(s),
        saw,
        msg(
          `计划生育特殊家庭：${c.statuses.map((x) => STATUS_LABELS[x].zh).join('或')}`,
          `special family: ${c.statuses.map((x) => STATUS_LABELS[x].en).join(' or ')}`,
        ),
      );
    }
    // A need the register's confirmed file flags (issue 16), not an applicant's declaration.
    case 'specialFamilyNeed': {
      const flagged = (facts.specialFamilyNeeds ?? []).filter((n) => c.needs.includes(n));
      const file = facts.specialFamilyFile ?? null;
      const where =
        file === null || facts.specialFamilyStatus === null
          ? msg('不在特殊家庭档案中', 'not in the special-family register')
          : msg(`特殊家庭档案 ${file.id}`, `special-family file ${file.id}`);
      if (c.absent)
        return step(
          flagged.length === 0,
          flagged.length > 0
            ? msg(
                `${where.zh}已标记：${flagged.map((n) => specialFamilyNeedLabel(n).zh).join('、')}`,
                `${where.en} flags: ${flagged.map((n) => specialFamilyNeedLabel(n).en).join(', ')}`,
              )
            : msg(`${where.zh}未标记此项`, `${where.en} does not flag it`),
          msg(`档案未标记：${c.label.zh}`, `the register does not flag: ${c.label.en}`),
        );
      return step(
        facts.specialFamilyStatus !== null && flagged.length > 0,
        flagged.length > 0
          ? msg(
              `${where.zh}已标记：${flagged.map((n) => specialFamilyNeedLabel(n).zh).join('、')}`,
              `${where.en} flags: ${flagged.map((n) => specialFamilyNeedLabel(n).en).join(', ')}`,
            )
          : msg(`${where.zh}未标记此项`, `${where.en} does not flag it`),
        msg(`档案标记：${c.label.zh}`, `the register flags: ${c.label.en}`),
      );
    }
    case 'registeredChildren': {
      const before = asString(param(c.bornBeforeParam, on));
      if (before === null) return missing(c.bornBeforeParam);
      const kids = facts.children ?? [];
      const daughters = kids.filter((k) => k.sex === 'female').length;
      const allBefore = kids.every((k) => k.birthDate < before);
      const pass = allBefore && (c.family === 'onlyChild' ? kids.length === 1 : kids.length === 2 && daughters === 2);
      const latest = kids.reduce((m, k) => (k.birthDate > m ? k.birthDate : m), '');
      return step(
        pass,
        kids.length === 0
          ? msg('人口库中无登记子女', 'no children registered')
          : msg(
              `登记子女 ${kids.length} 人（女儿 ${daughters} 人），最晚出生于 ${latest}`,
              `${kids.length} registered ${kids.length === 1 ? 'child' : 'children'} (${daughters} daughters), the youngest born ${latest}`,
            ),
        c.family === 'onlyChild'
          ? msg(`独生子女家庭：仅一名子女，出生于 ${before} 之前`, `one-child family: one child, born before ${before}`)
          : msg(
              `二女户：仅两名子女且均为女儿，出生于 ${before} 之前`,
              `two-daughter family: two children, both daughters, born before ${before}`,
            ),
      );
    }
    case 'declared': {
      const label = DECLARED_LABELS[c.fact]!;
      const v = facts.declared[c.fact] === true;
      return step(
        v,
        v ? msg('申请人已承诺', 'declared by the applicant') : msg('申请人未承诺', 'not declared'),
        msg(`申请人承诺：${label.zh}`, `the applicant declares: ${label.en}`),
      );
    }
    case 'institutionFiled':
    case 'dateReached':
      return checkInstitutionCondition(c, facts.institution, on, param, definitionOf);
  }
}
