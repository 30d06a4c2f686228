import type { Message } from '../messages.js';

// Class types, sizes and carer ratios: 托育机构设置标准(试行) (国卫人口发〔2019〕58号), the national
// standard the figures come from (no seed prints them: REQUIREMENTS.md has the types, not
// the sizes): 乳儿班 (6–12 months) 10 children or fewer, 托小班 (12–24 months) 15 or fewer,
// 托大班 (24–36 months) 20 or fewer; children over 18 months may be in a 混合班 of at most 18;
// carers to children at least 1:3, 1:5 and 1:7.
//
// Reading (REQUIREMENTS.md and the issue give no ratio for 混合班; the standard gives three
// ratios for three age classes): a mixed class holds children from 18 months, so some of 托小班's
// age, and takes 托小班's 1:5, the strictest ratio any child in it needs.
export const AGE_GROUPS = ['infant', 'youngToddler', 'oldToddler', 'mixed'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface AgeGroupRule {
  label: Message;
  ages: Message;
  /** Children at most. */
  maxSize: number;
  /** Children per carer at most (1:n). */
  childrenPerCarer: number;
  citation: Message;
}

const STANDARD: Message = {
  zh: '托育机构设置标准(试行)(国卫人口发〔2019〕58号)',
  en: 'Childcare institution standard (trial), 2019',
};
const cite = (what: Message): Message => ({ zh: `${STANDARD.zh}：${what.zh}`, en: `${STANDARD.en}: ${what.en}` });

export const AGE_GROUP_RULES: Record<AgeGroup, AgeGroupRule> = {
  infant: {
    label: { zh: '乳儿班', en: 'Infant class' },
    ages: { zh: '6—12个月', en: '6–12 months' },
    maxSize: 10,
    childrenPerCarer: 3,
    citation: cite({ zh: '乳儿班10人以下，保育人员与婴幼儿之比不低于1:3', en: 'infant class at most 10, carers 1:3' }),
  },
  youngToddler: {
    label: { zh: '托小班', en: 'Young toddler class' },
    ages: { zh: '12—24个月', en: '12–24 months' },
    maxSize: 15,
    childrenPerCarer: 5,
    citation: cite({
      zh: '托小班15人以下，保育人员与婴幼儿之比不低于1:5',
      en: 'young toddler class at most 15, carers 1:5',
    }),
  },
  oldToddler: {
    label: { zh: '托大班', en: 'Older toddler class' },
    ages: { zh: '24—36个月', en: '24–36 months' },
    maxSize: 20,
    childrenPerCarer: 7,
    citation: cite({
      zh: '托大班20人以下，保育人员与婴幼儿之比不低于1:7',
      en: 'older toddler class at most 20, carers 1:7',
    }),
  },
  mixed: {
    label: { zh: '混合班', en: 'Mixed class' },
    ages: { zh: '18个月以上', en: '18 months and over' },
    maxSize: 18,
    // Reading above: 托小班's ratio.
    childrenPerCarer: 5,
    citation: cite({
      zh: '18个月以上可混合编班，每班不超过18人；配比按托小班1:5（本系统解读）',
      en: 'children over 18 months may be mixed, at most 18 a class; carers 1:5 as a young toddler class (Cradle’s reading)',
    }),
  },
};

export const isAgeGroup = (v: string): v is AgeGroup => Object.hasOwn(AGE_GROUP_RULES, v);

export interface ClassInput {
  name: string;
  ageGroup: AgeGroup;
  /** Places in the class (托位). */
  capacity: number;
  /** Children enrolled now. */
  enrolled: number;
  carers: number;
}

/** One broken rule: which, where, in both languages, and the clause it comes from. */
export interface RuleBreach {
  rule: string;
  /** Where in the filing: 'classes.1.capacity', 'staff.0.healthCertificateValidUntil', 'uscc'. */
  path: string;
  message: Message;
  citation: Message;
}

/** Every rule a class breaks (none: it meets the standard). */
export function checkClass(c: ClassInput, index: number): RuleBreach[] {
  const r = AGE_GROUP_RULES[c.ageGroup];
  const name = c.name || `${index + 1}`;
  const out: RuleBreach[] = [];
  if (c.capacity > r.maxSize)
    out.push({
      rule: 'class.size',
      path: `classes.${index}.capacity`,
      message: {
        zh: `“${name}”为${r.label.zh}，班额${c.capacity}人，超过上限${r.maxSize}人`,
        en: `"${name}" is a ${r.label.en.toLowerCase()} of ${c.capacity}; the most is ${r.maxSize}`,
      },
      citation: r.citation,
    });
  if (c.enrolled > c.capacity)
    out.push({
      rule: 'class.enrolled',
      path: `classes.${index}.enrolled`,
      message: {
        zh: `“${name}”在托${c.enrolled}人，多于班额${c.capacity}人`,
        en: `"${name}" has ${c.enrolled} children enrolled, more than its ${c.capacity} places`,
      },
      citation: r.citation,
    });
  const needed = Math.ceil(c.capacity / r.childrenPerCarer);
  if (c.carers < needed)
    out.push({
      rule: 'class.ratio',
      path: `classes.${index}.carers`,
      message: {
        zh: `“${name}”班额${c.capacity}人，按1:${r.childrenPerCarer}至少需保育人员${needed}名，现为${c.carers}名`,
        en: `"${name}" has ${c.capacity} places and needs at least ${needed} carers at 1:${r.childrenPerCarer}; it has ${c.carers}`,
      },
      citation: r.citation,
    });
  return out;
}
