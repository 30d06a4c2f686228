import type { Message } from '../messages.js';
import type { ContactRole, SpecialFamilyKind } from './kinds.js';

// Who may have a special-family file. The seeds ask for the files (003 三(六), 001 m21–m23, 004
// (二十)–(二十二)) but say nowhere who counts as a special family (REQUIREMENTS B7, "Not in the
// seeds"). Cradle's reading, from the national 计划生育家庭特别扶助制度 the plans build on (国人口发
// 〔2007〕78号, not a seed): the couple's only child died (失独), or is disabled at grade 三级 or
// above (伤残), and they have no other child born or adopted since. The registry's parent–child
// links say who the only child is; the mother's age (49 under the national rule) is no condition
// of a file, since the seeds' care measures (contacts, visits, green channel) name no age.

/** Disability grades 一级 (most severe) to 三级 qualify (reading: 国人口发〔2007〕78号 "三级以上残疾"). */
export const QUALIFYING_DISABILITY_GRADES: readonly number[] = [1, 2, 3];
/** 002 二(七)3's "3+X" at most: two contacts required, up to four more (a reading: the seeds set no upper bound). */
export const MAX_CONTACTS = 6;

export interface ProposalInput {
  kind: SpecialFamilyKind;
  eventDate: string;
  disabilityGrade: number | null;
  contacts: readonly { role: ContactRole }[];
}

/** What the registry says of the child and their registered parents. */
export interface ProposalFacts {
  child: { birthDate: string; deathDate: string | null };
  parents: readonly { sex: string; deathDate: string | null }[];
  /** Other children of either registered parent, living or dead (born or adopted: the registry links both). */
  otherChildren: number;
}

export interface SpecialFamilyProblem {
  code: string;
  field: string;
  message: Message;
  /** Where the rule comes from: a seed clause, or Cradle's reading. */
  clause: string;
}

const READING = 'Cradle 的解读（国人口发〔2007〕78号，非种子条款）';

const problem = (code: string, field: string, clause: string, zh: string, en: string): SpecialFamilyProblem => ({
  code: `specialFamily.${code}`,
  field,
  clause,
  message: { zh, en },
});

/** The reasons a proposed file is refused, or none. `today` is China's date. */
export function checkSpecialFamilyProposal(
  input: ProposalInput,
  facts: ProposalFacts,
  today: string,
): SpecialFamilyProblem[] {
  const out: SpecialFamilyProblem[] = [];
  if (input.eventDate > today)
    out.push(
      problem('futureDate', 'eventDate', '—', '事件日期不能晚于今天', 'The date of the event cannot be after today'),
    );
  if (input.eventDate < facts.child.birthDate)
    out.push(
      problem(
        'beforeBirth',
        'eventDate',
        '—',
        '事件日期不能早于子女的出生日期',
        "The date of the event cannot be before the child's birth",
      ),
    );
  if (facts.parents.length === 0)
    out.push(
      problem(
        'noParents',
        'childIdNumber',
        READING,
        '人口库中没有登记该子女的父母；请先补录父母和亲属关系',
        'The registry links no parent to this child; add the parents and their relationship first',
      ),
    );
  else if (facts.parents.every((p) => p.deathDate !== null))
    out.push(
      problem(
        'parentsDied',
        'childIdNumber',
        READING,
        '该子女的父母均已去世，不能建立特殊家庭档案',
        "Both of the child's parents have died; no special-family file can be opened",
      ),
    );
  if (facts.otherChildren > 0)
    out.push(
      problem(
        'notOnlyChild',
        'childIdNumber',
        READING,
        `人口库中该夫妻还有 ${facts.otherChildren} 个其他子女，不是独生子女家庭`,
        `The registry links ${facts.otherChildren} other child(ren) to this couple: not an only-child family`,
      ),
    );
  if (input.kind === 'bereaved') {
    if (facts.child.deathDate === null)
      out.push(
        problem(
          'childAlive',
          'kind',
          '001 m21; ' + READING,
          '人口库中该子女仍在世且未登记伤残：失独须先登记死亡；子女伤残请选择“伤残”并填写残疾等级',
          'The registry shows this child alive with no disability: record the death first, or choose "disabled" with the grade',
        ),
      );
    else if (facts.child.deathDate !== input.eventDate)
      out.push(
        problem(
          'deathDateMismatch',
          'eventDate',
          '001 m21',
          `事件日期须与人口库登记的死亡日期（${facts.child.deathDate}）一致`,
          `The date must be the death date the registry holds (${facts.child.deathDate})`,
        ),
      );
  } else {
    if (facts.child.deathDate !== null)
      out.push(
        problem(
          'childDied',
          'kind',
          '001 m21',
          '人口库登记该子女已死亡，请选择“失独”',
          'The registry records this child as deceased: choose "only child died"',
        ),
      );
    if (input.disabilityGrade === null || !QUALIFYING_DISABILITY_GRADES.includes(input.disabilityGrade))
      out.push(
        problem(
          'disabilityGrade',
          'disabilityGrade',
          READING,
          '伤残须为三级以上残疾（一级、二级或三级）',
          'A disabled child must be disabled at grade 3 or above (grade 1, 2 or 3)',
        ),
      );
  }
  out.push(...checkContacts(input.contacts));
  return out;
}

/** 双岗: a township or village worker and a family doctor (001 m23; 004 (二十二)); 3+X: more may join (002 二(七)3). */
export function checkContacts(contacts: readonly { role: ContactRole }[]): SpecialFamilyProblem[] {
  const has = (r: ContactRole) => contacts.some((c) => c.role === r);
  if (has('worker') && has('doctor') && contacts.length <= MAX_CONTACTS) return [];
  return [
    problem(
      'contacts',
      'contacts',
      '001 m23; 004 (二十二); 002 二(七)3',
      `须有两名联系人：一名乡村工作人员和一名家庭医生（“3+X”最多 ${MAX_CONTACTS} 人）`,
      `Two contacts are needed: a township or village worker and a family doctor (with "3+X", at most ${MAX_CONTACTS})`,
    ),
  ];
}

/**
 * A confirmed change of status pays or stops from the next period (issue 16, "starts or stops
 * payments from the next period"): the first day of the month after the decision, the start of
 * a monthly scheme's next period (001 m21 pays 特别扶助金 每人每月).
 */
export function statusEffectiveFrom(decidedOn: string): string {
  const y = Number(decidedOn.slice(0, 4));
  const m = Number(decidedOn.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
