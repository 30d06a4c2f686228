import type { Message } from '../messages.js';
import type { ParentRole } from './person-checks.js';
import { SAME_BIRTH_WINDOW_DAYS, type RegistryConflict, type RegistryConflictCode } from './registry-check.js';

// Need to know (issue 11; PIPL art. 6, minimum necessary): a registration names ID numbers the
// family typed, and a stranger's number finds the stranger's registry record. A worker whose
// jurisdiction does not hold that record learns only whether it agrees with the declaration.

const ROLE: Record<ParentRole, Message> = {
  mother: { zh: '母亲', en: 'the mother' },
  father: { zh: '父亲', en: 'the father' },
};

const OUTSIDE: Message = {
  zh: '（该记录不在您的辖区内，不显示其内容，请县级管理员核实）',
  en: ' (the record is outside your jurisdiction, so its content is not shown; ask the county administrator to check it)',
};

const MESSAGES: Record<Exclude<RegistryConflictCode, 'parentUnknownIdNumber'>, (role: Message) => Message> = {
  parentNameDiffers: (r) => ({
    zh: `${r.zh}姓名与全员人口库的登记不一致`,
    en: `The name of ${r.en} differs from the registry's`,
  }),
  parentSexContradictsId: (r) => ({
    zh: `全员人口库中${r.zh}的性别与其公民身份号码第17位不符`,
    en: `The registry's sex for ${r.en} contradicts the 17th digit of the ID number`,
  }),
  parentBirthDateContradictsId: (r) => ({
    zh: `全员人口库中${r.zh}的出生日期与公民身份号码不符`,
    en: `The registry's date of birth for ${r.en} contradicts the ID number`,
  }),
  sameBirthDateSibling: () => ({
    zh: '全员人口库中已有同日出生的子女，若为双（多）胞胎请确认',
    en: 'The registry has a child born the same day; confirm whether they are twins',
  }),
  childAlreadyRegistered: () => ({
    zh: `已有与本次登记相隔不足${SAME_BIRTH_WINDOW_DAYS}天的子女或生育登记，可能重复登记`,
    en: `A child or a registration within ${SAME_BIRTH_WINDOW_DAYS} days of this one is on record; this may be a second registration of the same birth`,
  }),
  parentsChildrenDiffer: (r) => ({
    zh: `全员人口库中有子女只登记在父母一方名下、未关联${r.zh}；孩次按母亲名下子女计算`,
    en: `Some children are linked to one parent only, not to ${r.en}; parity counts the mother's children`,
  }),
};

/**
 * The conflict as a worker sees it whose jurisdiction does not hold the registry's side: what
 * disagrees, never what the registry holds (no name, birth date, child or registration number).
 */
export function withoutRegistrySide(c: RegistryConflict): RegistryConflict {
  if (c.code === 'parentUnknownIdNumber') return c;
  // A child's conflicts name no parent; their messages ignore the role.
  const m = MESSAGES[c.code](c.subject === 'child' ? ROLE.mother : ROLE[c.subject]);
  return { ...c, seen: { ...c.seen, registry: null }, message: { zh: m.zh + OUTSIDE.zh, en: m.en + OUTSIDE.en } };
}
