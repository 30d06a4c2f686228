import type { BeneficiaryFacts } from './facts.js';
import { checkCondition } from './check-condition.js';
import { STATUS_LABELS } from './check-condition.js';
import { asNumber, asString, eligibleMonths, type ParamAt, type TraceStep } from './conditions.js';
import { fen, formatYuan, prorate, type Fen } from './money.js';
import { inForceFrom, resolveParameter, type ParameterOverride } from './parameters.js';
import { monthKeyOf, parsePeriod, type Period } from './periods.js';
import type { AmountRule, SchemeDefinition } from './scheme.js';
import { monthsWords, msg, notSetWords, parityWords } from './trace-words.js';
import type { Message } from '../messages.js';
import { institutionAmount } from './institution-rules.js';

export interface Eligibility {
  schemeCode: string;
  period: string;
  eligible: boolean;
  amount: Fen;
  /** Every condition with what it saw, then the amount; in the scheme's order. */
  trace: TraceStep[];
}

/**
 * Whether a beneficiary qualifies for a scheme in a period, how much, and why: the one
 * implementation of the rules, used by the server (applications, previews) and the console.
 * Payment cycles select the same people in SQL compiled from the same definitions
 * (apps/server/src/benefits/eligibility-sql.ts); a test holds the two to the same answers.
 */
export function checkEligibility(
  scheme: SchemeDefinition,
  facts: BeneficiaryFacts,
  periodKey: string,
  overrides: readonly ParameterOverride[] = [],
): Eligibility {
  const period = parsePeriod(scheme.frequency, periodKey);
  if (!period) throw new RangeError(`period ${periodKey} does not fit a ${scheme.frequency} scheme`);
  const start = inForceFrom(scheme);
  // A one-time grant takes the rules in force at birth. A child born before the scheme's first
  // rule is judged by that first rule, so its birth window says why ("born 2014-05-03, before the
  // scheme's start 2023-01-01"), as the payment cycle's SQL does (onceValue: one value for all
  // time); looked up on the birth date itself, the window was simply unset (issue 12).
  // An institution's award takes the rules in force on the day it is judged (the cycle's day).
  const on = facts.institution
    ? facts.institution.asOf
    : period.frequency !== 'once'
      ? period.start
      : start !== null && facts.birthDate < start
        ? start
        : facts.birthDate;
  const param: ParamAt = (name, date) =>
    resolveParameter(scheme, name, overrides, facts.hukouRegionCode, date)?.value ?? null;
  const definitionOf = (name: string) => scheme.parameters[name];
  if (start !== null && period.end <= start) {
    const step: TraceStep = {
      check: 'inForce',
      rule: { zh: `本项目自 ${start} 起实施`, en: `the scheme applies from ${start}` },
      saw: msg(`申请期间 ${period.key}，早于实施日期`, `period ${period.key}, before the scheme began`),
      pass: false,
      basis: scheme.legalBasis,
    };
    return { schemeCode: scheme.code, period: period.key, eligible: false, amount: fen(0), trace: [step] };
  }
  const trace = scheme.conditions.map((c) => checkCondition(c, facts, period, on, param, definitionOf));
  const conditionsPass = trace.every((s) => s.pass);
  const amountStep = conditionsPass ? computeAmount(scheme, facts, period, on, param) : null;
  if (amountStep) trace.push(amountStep.step);
  const eligible = conditionsPass && amountStep !== null && amountStep.amount > 0;
  return {
    schemeCode: scheme.code,
    period: period.key,
    eligible,
    amount: eligible ? amountStep.amount : fen(0),
    trace,
  };
}

function computeAmount(
  scheme: SchemeDefinition,
  facts: BeneficiaryFacts,
  period: Period,
  on: string,
  param: ParamAt,
): { amount: Fen; step: TraceStep } {
  const rule: AmountRule = scheme.amount;
  const step = (amount: Fen, words: Message): { amount: Fen; step: TraceStep } => ({
    amount,
    step: {
      check: 'amount',
      rule: words,
      saw: msg(`¥${formatYuan(amount)}`, `¥${formatYuan(amount)}`),
      pass: amount > 0,
      basis: rule.basis,
      ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
    },
  });
  const notSet = (name: string, day: string) => step(fen(0), notSetWords(scheme.parameters[name], day));
  switch (rule.kind) {
    case 'perPeriod': {
      const v = asNumber(param(rule.param, on));
      if (v === null) return notSet(rule.param, on);
      return step(fen(v), msg(`每期 ¥${formatYuan(fen(v))}`, `¥${formatYuan(fen(v))} per period`));
    }
    case 'byParity':
    case 'bySpecialFamilyStatus': {
      const table = param(rule.param, on);
      const key = rule.kind === 'byParity' ? String(facts.parity) : String(facts.specialFamilyStatus);
      // The key in words: a parity ("第 4 孩"), a special-family status, never the raw key.
      const words: Message =
        rule.kind === 'byParity'
          ? facts.parity === null
            ? msg('孩次未知', 'an unknown parity')
            : parityWords(facts.parity)
          : facts.specialFamilyStatus === null
            ? msg('非特殊家庭', 'no special-family status')
            : STATUS_LABELS[facts.specialFamilyStatus];
      const v =
        table !== null && typeof table === 'object' && !Array.isArray(table)
          ? (table as Record<string, Fen>)[key]
          : undefined;
      if (v === undefined) return step(fen(0), msg(`${words.zh}无对应金额`, `no amount for ${words.en}`));
      return step(v, msg(`按${words.zh}核定 ¥${formatYuan(v)}`, `¥${formatYuan(v)} for ${words.en}`));
    }
    case 'yearlyProRata': {
      const limit = asNumber(param(rule.monthsParam, on));
      const payableFrom = asString(param(rule.payableFromParam, on));
      if (limit === null) return notSet(rule.monthsParam, on);
      const months = eligibleMonths(facts, period, limit, payableFrom);
      // Each month at the yearly amount in force that month, summed, then one rounding.
      let sum = 0;
      for (const m of months) {
        const yearly = asNumber(param(rule.param, `${monthKeyOf(m)}-01`));
        if (yearly === null) return notSet(rule.param, `${monthKeyOf(m)}-01`);
        sum += yearly;
      }
      const amount = prorate(fen(sum), 1, 12);
      const n = monthsWords(months);
      return step(amount, msg(`按月折算：${n.zh} × 年度标准 ÷ 12`, `pro rata: ${n.en} × yearly amount ÷ 12`));
    }
    case 'perSlot': {
      const r = institutionAmount(rule, facts.institution, on, param, (name, day) => ({
        amount: fen(0),
        words: notSetWords(scheme.parameters[name], day),
      }));
      return step(r.amount, r.words);
    }
  }
}
