import { maskIdNumber, parseIdNumber, type ParsedIdNumber, type Sex } from '../id-number.js';
import type { Message } from '../messages.js';
import type { ChildbirthRegistrationForm, ChildStatus } from './childbirth-registration.js';
import { daysBetween } from './day-arithmetic.js';
import { isCalendarDate } from '../calendar-date.js';
import { parityFromRegistry, sameName, type RegistryChild } from './parity.js';
import type { ParentRole } from './person-checks.js';

/** What the registry holds for one declared parent, looked up by ID number. */
export type ParentFacts =
  { known: false } | { known: true; name: string; sex: Sex; birthDate: string; children: readonly RegistryChild[] };

/** A childbirth registration already on record for either parent (not the one being checked); `date` is the birth date, or the expected one for a pregnancy. */
export interface EarlierRegistration {
  registrationId: string;
  childStatus: ChildStatus;
  date: string;
}

export interface RegistryFacts {
  mother: ParentFacts;
  /** null when no father is declared (or he was not looked up). */
  father: ParentFacts | null;
  earlierRegistrations: readonly EarlierRegistration[];
}

export type RegistryConflictCode =
  | 'parentUnknownIdNumber'
  | 'parentNameDiffers'
  | 'parentSexContradictsId'
  | 'parentBirthDateContradictsId'
  | 'childAlreadyRegistered'
  | 'sameBirthDateSibling'
  | 'parentsChildrenDiffer';

/** A disagreement for the township worker to settle; never a reason to refuse the registration. */
export interface RegistryConflict {
  code: RegistryConflictCode;
  subject: ParentRole | 'child';
  message: Message;
  /** What the registry holds and what was declared (ID numbers masked). */
  seen: { registry: string | null; declared: string | null };
}

/**
 * Our reading of "the same birth": two births of one mother less than about six months apart
 * cannot be two pregnancies (a viable pregnancy lasts at least ~24 weeks), while a due date may
 * be off by weeks and a preterm birth by up to four months. So a registered child or an earlier
 * registration within 180 days either side of this one's (expected) birth date is taken to be
 * this child, except a child born the same day under another name, who may be a twin.
 */
export const SAME_BIRTH_WINDOW_DAYS = 180;

// Validation has already compared the ID numbers with today; here only their digits matter.
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');
const ROLE: Record<ParentRole, Message> = {
  mother: { zh: '母亲', en: 'the mother' },
  father: { zh: '父亲', en: 'the father' },
};

/**
 * The two-way check of a registration against the registry: the declared parents against what
 * the registry records for their ID numbers, and the declared child against the children and
 * registrations already on record. Run on a form that passed validateChildbirthRegistration.
 */
export function checkAgainstRegistry(form: ChildbirthRegistrationForm, facts: RegistryFacts): RegistryConflict[] {
  const conflicts = [...checkParent('mother', form.mother.name, form.mother.idNumber, facts.mother)];
  if (form.father !== null && facts.father !== null)
    conflicts.push(...checkParent('father', form.father.name, form.father.idNumber, facts.father));
  conflicts.push(...checkChild(form, facts), ...checkLinks(facts));
  return conflicts;
}

/** The parity of the registered child (parityFromRegistry over the facts). */
export function parityOfRegistration(form: ChildbirthRegistrationForm, facts: RegistryFacts): number {
  const childrenOf = (f: ParentFacts | null) => (f !== null && f.known ? f.children : null);
  const declared = form.childStatus === 'born' && form.child != null ? form.child : null;
  return parityFromRegistry({ mother: childrenOf(facts.mother), father: childrenOf(facts.father) }, declared);
}

/** Whether a registry record agrees with a declared parent: the same name, and the sex and birth date the ID number's digits say. */
export function parentAgreesWithRegistry(name: string, idNumber: string, facts: ParentFacts): boolean {
  return facts.known && checkParent('mother', name, idNumber, facts).length === 0;
}

function checkParent(role: ParentRole, name: string, idNumber: string, facts: ParentFacts): RegistryConflict[] {
  const r = ROLE[role];
  if (!facts.known) {
    return [
      {
        code: 'parentUnknownIdNumber',
        subject: role,
        seen: { registry: null, declared: maskIdNumber(idNumber) },
        message: {
          zh: `全员人口库中没有${r.zh}的公民身份号码，请核实（户籍在外地的常住人口可能尚未入库）`,
          en: `The registry does not know ${r.en}'s ID number; verify it (a resident whose hukou is elsewhere may not be on record yet)`,
        },
      },
    ];
  }
  const conflicts: RegistryConflict[] = [];
  if (!sameName(facts.name, name)) {
    conflicts.push({
      code: 'parentNameDiffers',
      subject: role,
      seen: { registry: facts.name, declared: name },
      message: {
        zh: `${r.zh}姓名与全员人口库登记的“${facts.name}”不一致`,
        en: `${cap(r.en)}'s name differs from "${facts.name}" in the registry`,
      },
    });
  }
  const id = parsedDigits(idNumber);
  if (id !== null && id.sex !== facts.sex) {
    conflicts.push({
      code: 'parentSexContradictsId',
      subject: role,
      seen: { registry: facts.sex, declared: id.sex },
      message: {
        zh: `全员人口库中${r.zh}的性别与其公民身份号码第17位不符`,
        en: `The registry's sex for ${r.en} contradicts the 17th digit of the ID number`,
      },
    });
  }
  if (id !== null && id.birthDate !== facts.birthDate) {
    conflicts.push({
      code: 'parentBirthDateContradictsId',
      subject: role,
      seen: { registry: facts.birthDate, declared: id.birthDate },
      message: {
        zh: `全员人口库中${r.zh}的出生日期 ${facts.birthDate} 与公民身份号码中的 ${id.birthDate} 不符`,
        en: `The registry's date of birth for ${r.en}, ${facts.birthDate}, contradicts ${id.birthDate} in the ID number`,
      },
    });
  }
  return conflicts;
}

function checkChild(form: ChildbirthRegistrationForm, facts: RegistryFacts): RegistryConflict[] {
  const born = form.childStatus === 'born' ? (form.child ?? null) : null;
  const date = born?.birthDate ?? form.expectedBirthDate ?? '';
  if (!isCalendarDate(date)) return [];
  const near = (other: string) => Math.abs(daysBetween(other, date)) <= SAME_BIRTH_WINDOW_DAYS;
  const conflicts: RegistryConflict[] = [];
  for (const c of coupleChildren(facts)) {
    if (born !== null && c.birthDate === date && !sameName(c.name, born.name)) {
      conflicts.push({
        code: 'sameBirthDateSibling',
        subject: 'child',
        seen: { registry: `${c.name} ${c.birthDate}`, declared: `${born.name} ${date}` },
        message: {
          zh: `全员人口库中已有同日出生的子女“${c.name}”，若为双（多）胞胎请确认`,
          en: `The registry has a child born the same day, "${c.name}"; confirm whether they are twins`,
        },
      });
    } else if (near(c.birthDate)) {
      conflicts.push(
        alreadyRegistered(`${c.name} ${c.birthDate}`, born ? `${born.name} ${date}` : date, {
          zh: `全员人口库中已有${c.birthDate}出生的子女“${c.name}”，与本次登记相隔不足${SAME_BIRTH_WINDOW_DAYS}天，可能已登记`,
          en: `The registry has a child "${c.name}" born ${c.birthDate}, within ${SAME_BIRTH_WINDOW_DAYS} days of this registration; the child may be registered already`,
        }),
      );
    }
  }
  for (const e of facts.earlierRegistrations.filter((x) => near(x.date))) {
    conflicts.push(
      alreadyRegistered(`${e.registrationId} ${e.childStatus} ${e.date}`, date, {
        zh: `已有生育登记 ${e.registrationId}（${e.childStatus === 'born' ? '出生日期' : '预产期'} ${e.date}），与本次登记相隔不足${SAME_BIRTH_WINDOW_DAYS}天，可能重复登记`,
        en: `Registration ${e.registrationId} (${e.childStatus === 'born' ? 'born' : 'expected'} ${e.date}) is within ${SAME_BIRTH_WINDOW_DAYS} days of this one; this may be a second registration of the same birth`,
      }),
    );
  }
  return conflicts;
}

/** Children linked to one parent only: the registry's links are incomplete, or a child is a half-sibling. */
function checkLinks(facts: RegistryFacts): RegistryConflict[] {
  if (!facts.mother.known || facts.father === null || !facts.father.known) return [];
  const conflicts: RegistryConflict[] = [];
  const sides: [ParentRole, readonly RegistryChild[], readonly RegistryChild[]][] = [
    ['mother', facts.father.children, facts.mother.children],
    ['father', facts.mother.children, facts.father.children],
  ];
  for (const [missingFrom, has, lacks] of sides) {
    const only = has.filter((c) => !lacks.some((l) => l.personId === c.personId));
    if (only.length === 0) continue;
    const list = only.map((c) => `${c.name} ${c.birthDate}`).join(', ');
    conflicts.push({
      code: 'parentsChildrenDiffer',
      subject: missingFrom,
      seen: { registry: list, declared: null },
      message: {
        zh: `全员人口库中以下子女只登记在父母一方名下、未关联${ROLE[missingFrom].zh}：${list}；孩次按母亲名下子女计算`,
        en: `These children are linked to one parent only, not to ${ROLE[missingFrom].en}: ${list}; parity counts the mother's children`,
      },
    });
  }
  return conflicts;
}

function coupleChildren(facts: RegistryFacts): RegistryChild[] {
  const all = [facts.mother, facts.father].flatMap((f) => (f !== null && f.known ? f.children : []));
  return [...new Map(all.map((c) => [c.personId, c])).values()];
}

function alreadyRegistered(registry: string, declared: string, message: Message): RegistryConflict {
  return { code: 'childAlreadyRegistered', subject: 'child', seen: { registry, declared }, message };
}

function parsedDigits(idNumber: string): ParsedIdNumber | null {
  const r = parseIdNumber(idNumber, FAR_FUTURE);
  return r.ok ? r.value : null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
