import type { BeneficiaryFacts } from './facts.js';
import { checkCondition } from './check-condition.js';
import { asNumber, asString, describeMonths, eligibleMonths, type ParamAt, type TraceStep } from './conditions.js';
import { fen, formatYuan, prorate, type Fen } from './money.js';
import { resolveParameter, type ParameterOverride } from './parameters.js';
import { monthKeyOf, parsePeriod, type Period } from './periods.js';
import type { AmountRule, SchemeDefinition } from './scheme.js';

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
  const on = period.frequency === 'once' ? facts.birthDate : period.start;
  const param: ParamAt = (name, date) =>
    resolveParameter(scheme, name, overrides, facts.hukouRegionCode, date)?.value ?? null;
  const start = inForceFrom(scheme);
  if (start !== null && period.end <= start) {
    const step: TraceStep = {
      check: 'inForce',
      rule: { zh: `本项目自 ${start} 起实施`, en: `the scheme applies from ${start}` },
      saw: period.key,
      pass: false,
      basis: scheme.legalBasis,
    };
    return { schemeCode: scheme.code, period: period.key, eligible: false, amount: fen(0), trace: [step] };
  }
  const trace = scheme.conditions.map((c) => checkCondition(c, facts, period, on, param));
  const conditionsPass = trace.every((s) => s.pass);
  const amountStep = conditionsPass ? computeAmount(scheme.amount, facts, period, on, param) : null;
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

/** The first day any of the scheme's own parameters is in force, or null when it sets none itself. */
export function inForceFrom(scheme: SchemeDefinition): string | null {
  let first: string | null = null;
  for (const def of Object.values(scheme.parameters))
    for (const v of def.history) if (first === null || v.from < first) first = v.from;
  return first;
}

function computeAmount(
  rule: AmountRule,
  facts: BeneficiaryFacts,
  period: Period,
  on: string,
  param: ParamAt,
): { amount: Fen; step: TraceStep } {
  const step = (amount: Fen, zh: string, en: string): { amount: Fen; step: TraceStep } => ({
    amount,
    step: {
      check: 'amount',
      rule: { zh, en },
      saw: `¥${formatYuan(amount)}`,
      pass: amount > 0,
      basis: rule.basis,
      ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
    },
  });
  switch (rule.kind) {
    case 'perPeriod': {
      const v = asNumber(param(rule.param, on));
      if (v === null) return step(fen(0), '金额未设定', 'amount not set');
      return step(fen(v), `每期 ¥${formatYuan(fen(v))}`, `¥${formatYuan(fen(v))} per period`);
    }
    case 'byParity':
    case 'bySpecialFamilyStatus': {
      const table = param(rule.param, on);
      const key = rule.kind === 'byParity' ? String(facts.parity) : String(facts.specialFamilyStatus);
      const v =
        table !== null && typeof table === 'object' && !Array.isArray(table)
          ? (table as Record<string, Fen>)[key]
          : undefined;
      if (v === undefined) return step(fen(0), `无「${key}」对应金额`, `no amount for "${key}"`);
      return step(v, `按 ${key} 核定 ¥${formatYuan(v)}`, `¥${formatYuan(v)} for ${key}`);
    }
    case 'yearlyProRata': {
      const limit = asNumber(param(rule.monthsParam, on));
      const payableFrom = asString(param(rule.payableFromParam, on));
      if (limit === null) return step(fen(0), '年龄上限未设定', 'age limit not set');
      const months = eligibleMonths(facts, period, limit, payableFrom);
      // Each month at the yearly amount in force that month, summed, then one rounding.
      let sum = 0;
      for (const m of months) {
        const yearly = asNumber(param(rule.param, `${monthKeyOf(m)}-01`));
        if (yearly === null)
          return step(fen(0), `${monthKeyOf(m)} 的年度金额未设定`, `no yearly amount in force in ${monthKeyOf(m)}`);
        sum += yearly;
      }
      const amount = prorate(fen(sum), 1, 12);
      return step(
        amount,
        `按月折算：${describeMonths(months)} 个月 × 年度标准 ÷ 12`,
        `pro rata: ${describeMonths(months)} months × yearly amount ÷ 12`,
      );
    }
  }
}
