import { ageOn } from './calendar-date.js';
import type { Department } from './departments.js';
import type { Message } from './messages.js';
import { isRegionCode } from './region-code.js';

// Life events (生命事件, glossary lifeEvent): deaths, moves in and out, marriages, recorded by the
// departments that learn of them (issue 13, "Life events the indicators need"; REQUIREMENTS A7,
// C2: "Death events in the registry (a registry_events kind and an import column)"). The rules
// that need no database; the server applies the rest (the person exists, lives in the
// jurisdiction, has not died yet).

export type LifeEventKind = 'death' | 'moveIn' | 'moveOut' | 'marriage';
export const LIFE_EVENT_KINDS: readonly LifeEventKind[] = ['death', 'moveIn', 'moveOut', 'marriage'];

/**
 * Where a death happened. The four places of the maternal and child death report cards of China's
 * MCH surveillance (医院 / 家中 / 途中 / 其他, the card's levels of hospital folded into one): a
 * reading of the cards, which the seeds do not quote.
 */
export type DeathPlace = 'hospital' | 'home' | 'onTheWay' | 'other';
export const DEATH_PLACES: readonly DeathPlace[] = ['hospital', 'home', 'onTheWay', 'other'];

/**
 * Cause of death by category: groups of ICD-10 chapters as China's cause-of-death surveillance
 * reports them (a reading; the seeds name no categories). `obstetric` is ICD-10 chapter XV
 * (O00–O99); `injury` chapters XIX–XX (injuries, poisonings and external causes).
 */
export type CauseCategory =
  | 'infectious'
  | 'neoplasm'
  | 'circulatory'
  | 'respiratory'
  | 'obstetric'
  | 'perinatal'
  | 'congenital'
  | 'injury'
  | 'otherDisease'
  | 'unknown';
export const CAUSE_CATEGORIES: readonly CauseCategory[] = [
  'infectious',
  'neoplasm',
  'circulatory',
  'respiratory',
  'obstetric',
  'perinatal',
  'congenital',
  'injury',
  'otherDisease',
  'unknown',
];

const KIND_LABELS: Record<LifeEventKind, Message> = {
  death: { zh: '死亡', en: 'Death' },
  moveIn: { zh: '迁入', en: 'Move in' },
  moveOut: { zh: '迁出', en: 'Move out' },
  marriage: { zh: '结婚', en: 'Marriage' },
};
const PLACE_LABELS: Record<DeathPlace, Message> = {
  hospital: { zh: '医疗卫生机构', en: 'Health facility' },
  home: { zh: '家中', en: 'At home' },
  onTheWay: { zh: '途中', en: 'On the way' },
  other: { zh: '其他地点', en: 'Elsewhere' },
};
const CAUSE_LABELS: Record<CauseCategory, Message> = {
  infectious: { zh: '传染病和寄生虫病', en: 'Infectious and parasitic diseases' },
  neoplasm: { zh: '肿瘤', en: 'Neoplasms' },
  circulatory: { zh: '心脑血管疾病', en: 'Circulatory diseases' },
  respiratory: { zh: '呼吸系统疾病', en: 'Respiratory diseases' },
  obstetric: { zh: '妊娠、分娩和产褥期并发症', en: 'Pregnancy, childbirth and the puerperium' },
  perinatal: { zh: '围生期疾病', en: 'Perinatal conditions' },
  congenital: { zh: '先天异常', en: 'Congenital anomalies' },
  injury: { zh: '损伤和中毒', en: 'Injury and poisoning' },
  otherDisease: { zh: '其他疾病', en: 'Other diseases' },
  unknown: { zh: '原因不明', en: 'Unknown' },
};

export const lifeEventKindLabel = (k: LifeEventKind): Message => KIND_LABELS[k];
export const deathPlaceLabel = (p: DeathPlace): Message => PLACE_LABELS[p];
export const causeCategoryLabel = (c: CauseCategory): Message => CAUSE_LABELS[c];
export const isLifeEventKind = (v: string): v is LifeEventKind => Object.hasOwn(KIND_LABELS, v);
export const isDeathPlace = (v: string): v is DeathPlace => Object.hasOwn(PLACE_LABELS, v);
export const isCauseCategory = (v: string): v is CauseCategory => Object.hasOwn(CAUSE_LABELS, v);

/**
 * Which department records which kinds (issue 13: "hospital operators record deaths and maternal
 * deaths; public-security operators record deaths, moves and marriages"). Public security's
 * deaths are never maternal: whether a death was maternal is a medical finding (the hospital's
 * 孕产妇死亡个案报告, B5), so a death public security records carries the flag false.
 */
export const LIFE_EVENT_DEPARTMENTS: Readonly<Partial<Record<Department, readonly LifeEventKind[]>>> = {
  hospital: ['death'],
  publicSecurity: ['death', 'moveIn', 'moveOut', 'marriage'],
};
export const EVENT_RECORDING_DEPARTMENTS = Object.keys(LIFE_EVENT_DEPARTMENTS) as readonly Department[];

export function kindsOfDepartment(department: string | null): readonly LifeEventKind[] {
  return (department !== null && LIFE_EVENT_DEPARTMENTS[department as Department]) || [];
}

/** Whether a department may mark a death maternal (the hospital only; see above). */
export const mayRecordMaternal = (department: string | null): boolean => department === 'hospital';

/**
 * Ages at death for which a maternal death is accepted, inclusive (民法典 第一千二百五十九条:
 * "以上、以下、以内…包括本数"). Not a definition of the reproductive ages (WHO's 15–49 is for
 * rates): a bound outside which a pregnancy is taken as a typing error, per the brief of issue 13.
 */
export const MATERNAL_AGE_MIN = 10;
export const MATERNAL_AGE_MAX = 60;

/** The facts of an event the rules read. */
export interface LifeEventFacts {
  kind: LifeEventKind;
  eventDate: string;
  maternal?: boolean | null;
  causeCategory?: CauseCategory | null;
  otherRegionCode?: string | null;
  otherRegionName?: string | null;
  /** A move in: where in the jurisdiction the person now lives (GB/T 2260 code). */
  newResidenceCode?: string | null;
}

/** What the registry holds of the person the event names. */
export interface LifeEventPerson {
  sex: 'male' | 'female';
  birthDate: string;
  deathDate: string | null;
  residenceRegionCode: string;
}

export type LifeEventRuleCode =
  | 'lifeEvent.futureDate'
  | 'lifeEvent.beforeBirth'
  | 'lifeEvent.alreadyDead'
  | 'lifeEvent.afterDeath'
  | 'lifeEvent.maternalMale'
  | 'lifeEvent.maternalAge'
  | 'lifeEvent.maternalInjury'
  | 'lifeEvent.sameRegion'
  | 'lifeEvent.otherRegionMissing'
  | 'lifeEvent.otherRegionCode';

export interface LifeEventRuleError {
  code: LifeEventRuleCode;
  field: 'eventDate' | 'maternal' | 'causeCategory' | 'otherRegionCode';
  message: Message;
}

const fail = (code: LifeEventRuleCode, field: LifeEventRuleError['field'], zh: string, en: string) => ({
  code,
  field,
  message: { zh, en },
});

/**
 * The first rule the event breaks, or null. `today` is China's civil date (chinaDateOf).
 * - no date after today, none before the birth;
 * - one death per person; no move or marriage after the death;
 * - a maternal death is a woman's, aged 10–60 at death, and not from an injury (WHO ICD-10:
 *   maternal deaths exclude "accidental or incidental causes");
 * - a move out names the destination by its GB/T 2260 code, county level or below (the registry's
 *   residence is a code); a move in names the origin by code or name, and the new residence;
 *   neither moves the person to the region they already live in.
 */
export function checkLifeEvent(e: LifeEventFacts, p: LifeEventPerson, today: string): LifeEventRuleError | null {
  if (e.eventDate > today)
    return fail('lifeEvent.futureDate', 'eventDate', '事件日期不能晚于今天', 'The date cannot be after today');
  if (e.eventDate < p.birthDate)
    return fail(
      'lifeEvent.beforeBirth',
      'eventDate',
      `事件日期早于此人的出生日期（${p.birthDate}）`,
      `The date is before the person's birth (${p.birthDate})`,
    );
  if (e.kind === 'death' && p.deathDate !== null)
    return fail(
      'lifeEvent.alreadyDead',
      'eventDate',
      `此人的死亡已于 ${p.deathDate} 登记，不能重复登记`,
      `This person's death is already recorded (${p.deathDate}); it cannot be recorded twice`,
    );
  if (e.kind !== 'death' && p.deathDate !== null && e.eventDate > p.deathDate)
    return fail(
      'lifeEvent.afterDeath',
      'eventDate',
      `此人已于 ${p.deathDate} 死亡，不能登记此后的事件`,
      `This person died on ${p.deathDate}; no later event can be recorded`,
    );
  if (e.kind === 'death' && e.maternal) {
    if (p.sex !== 'female')
      return fail(
        'lifeEvent.maternalMale',
        'maternal',
        '孕产妇死亡只能是女性',
        'A maternal death can only be a woman’s',
      );
    const age = ageOn(p.birthDate, e.eventDate);
    if (age < MATERNAL_AGE_MIN || age > MATERNAL_AGE_MAX)
      return fail(
        'lifeEvent.maternalAge',
        'maternal',
        `死亡时 ${age} 岁，不在孕产妇死亡的年龄范围（${MATERNAL_AGE_MIN}–${MATERNAL_AGE_MAX} 岁）内，请核对`,
        `Aged ${age} at death, outside the ages of a maternal death (${MATERNAL_AGE_MIN}–${MATERNAL_AGE_MAX}); check the record`,
      );
    if (e.causeCategory === 'injury')
      return fail(
        'lifeEvent.maternalInjury',
        'causeCategory',
        '损伤和中毒导致的死亡不属于孕产妇死亡',
        'A death from injury or poisoning is not a maternal death',
      );
  }
  if (e.kind === 'moveIn' || e.kind === 'moveOut') {
    const code = e.otherRegionCode ?? null;
    if (code === null && (e.kind === 'moveOut' || !e.otherRegionName))
      return fail(
        'lifeEvent.otherRegionMissing',
        'otherRegionCode',
        e.kind === 'moveOut' ? '请填写迁往地的行政区划代码' : '请填写迁出地的行政区划代码或名称',
        e.kind === 'moveOut'
          ? 'Give the region code of where the person moved to'
          : 'Give the region code or name of where the person came from',
      );
    if (code !== null && (!isRegionCode(code) || code.length < 6))
      return fail(
        'lifeEvent.otherRegionCode',
        'otherRegionCode',
        '行政区划代码应为 6 位（县）、9 位（乡镇）或 12 位（村）数字',
        'A region code has 6 (county), 9 (township) or 12 (village) digits',
      );
    const moveTo = e.kind === 'moveOut' ? code : (e.newResidenceCode ?? null);
    if (moveTo !== null && moveTo === p.residenceRegionCode)
      return fail(
        'lifeEvent.sameRegion',
        'otherRegionCode',
        '此人已居住在该地区',
        'The person already lives in that region',
      );
  }
  return null;
}
