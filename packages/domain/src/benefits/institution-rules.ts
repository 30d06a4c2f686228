import type { Message } from '../messages.js';
import type { InstitutionFacts } from './facts.js';
import type { ParamAt, TraceStep } from './conditions.js';
import { fen, formatYuan, type Fen } from './money.js';
import type { AmountRule, Condition, ParameterDefinition } from './scheme.js';
import { msg, notSetWords } from './trace-words.js';

// The rules of schemes paid to a childcare institution (issue 14: "a second beneficiary kind"),
// checked by the same checkEligibility with the same trace: a person has no institution facts, so
// these conditions never hold for one.

type InstitutionCondition = Extract<Condition, { kind: 'institutionFiled' | 'dateReached' }>;

const NONE: Message = msg('非托育机构', 'not a childcare institution');

export function checkInstitutionCondition(
  c: InstitutionCondition,
  facts: InstitutionFacts | null | undefined,
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
  switch (c.kind) {
    case 'institutionFiled': {
      const rule = msg(`${on} 时已备案且未关停的托育机构`, `a childcare institution filed and not closed on ${on}`);
      if (!facts) return step(false, NONE, rule);
      const saw = facts.filed
        ? msg(
            `${facts.name}，备案号 ${facts.filingNo ?? '—'}，第 ${facts.version} 版备案有效`,
            `${facts.name}, filing number ${facts.filingNo ?? '—'}, version ${facts.version} in force`,
          )
        : msg(`${facts.name}：无有效备案或已关停`, `${facts.name}: no filing in force, or closed`);
      return step(facts.filed, saw, rule);
    }
    case 'dateReached': {
      const rule = msg(`${c.what.zh}（不晚于 ${on}）`, `${c.what.en} (on or before ${on})`);
      const v = param(c.param, on);
      if (typeof v !== 'string') return step(false, msg('—', '—'), notSetWords(definitionOf(c.param), on));
      return step(v <= on, msg(`记录日期 ${v}`, `recorded on ${v}`), rule);
    }
  }
}

/** perSlot: the slots of the filing in force times the amount per slot, in integer fen. */
export function institutionAmount(
  rule: Extract<AmountRule, { kind: 'perSlot' }>,
  facts: InstitutionFacts | null | undefined,
  on: string,
  param: ParamAt,
  notSet: (name: string, day: string) => { amount: Fen; words: Message },
): { amount: Fen; words: Message } {
  const per = param(rule.param, on);
  if (typeof per !== 'number') return notSet(rule.param, on);
  const slots = facts ? (rule.slots === 'affordable' ? facts.affordableSlots : facts.slots) : 0;
  const kind = rule.slots === 'affordable' ? msg('普惠托位', 'affordable slots') : msg('托位', 'slots');
  const amount = fen(slots * per);
  return {
    amount,
    words: msg(
      `${kind.zh} ${slots} 个 × 每个 ¥${formatYuan(fen(per))}`,
      `${slots} ${kind.en} × ¥${formatYuan(fen(per))} each`,
    ),
  };
}
