import {
  CAUSE_CATEGORIES,
  causeCategoryLabel,
  cellText,
  DEATH_PLACES,
  deathPlaceLabel,
  LIFE_EVENT_KINDS,
  lifeEventKindLabel,
  looksLikeFormula,
  readDate,
  type Message,
  type RawCell,
} from '@cradle/domain';
import type { LifeEventInput } from '@cradle/contract';

// The columns of a life-event file (CSV or XLSX; template.xlsx), headers in Chinese or English,
// and one row read into the shape a form sends. Labels are accepted as users see them (死亡, 家中,
// 是) and as the API's codes (death, home, true).

export type EventField =
  | 'kind'
  | 'idNumber'
  | 'eventDate'
  | 'deathPlace'
  | 'causeCategory'
  | 'maternal'
  | 'otherRegionCode'
  | 'otherRegionName'
  | 'newResidenceCode'
  | 'spouseIdNumber'
  | 'reference';

export const EVENT_FIELD_LABELS: Record<EventField, Message> = {
  kind: { zh: '事件类型', en: 'Event' },
  idNumber: { zh: '公民身份号码', en: 'ID number' },
  eventDate: { zh: '事件日期', en: 'Date' },
  deathPlace: { zh: '死亡地点', en: 'Place of death' },
  causeCategory: { zh: '死因分类', en: 'Cause of death' },
  maternal: { zh: '孕产妇死亡', en: 'Maternal death' },
  otherRegionCode: { zh: '迁出地或迁往地代码', en: 'Other region code' },
  otherRegionName: { zh: '迁出地或迁往地名称', en: 'Other region name' },
  newResidenceCode: { zh: '迁入后居住地代码', en: 'New residence code' },
  spouseIdNumber: { zh: '配偶公民身份号码', en: 'Spouse ID number' },
  reference: { zh: '报送编号', en: 'Reference' },
};
export const EVENT_FIELDS = Object.keys(EVENT_FIELD_LABELS) as EventField[];
export const REQUIRED_EVENT_FIELDS: readonly EventField[] = ['kind', 'idNumber', 'eventDate'];

const squash = (s: string) => s.toLowerCase().replace(/[\s_*\-（）()]/g, '');
const HEADERS = new Map<string, EventField>([
  ...EVENT_FIELDS.flatMap((f): [string, EventField][] => [
    [squash(EVENT_FIELD_LABELS[f].zh), f],
    [squash(EVENT_FIELD_LABELS[f].en), f],
    [squash(f), f],
  ]),
  [squash('身份证号'), 'idNumber'],
  [squash('日期'), 'eventDate'],
  [squash('事件'), 'kind'],
]);

export function eventFieldOf(header: string): EventField | null {
  return HEADERS.get(squash(header)) ?? null;
}

function lookup<T extends string>(all: readonly T[], label: (v: T) => Message): Map<string, T> {
  return new Map(all.flatMap((v) => [v, label(v).zh, label(v).en].map((k): [string, T] => [squash(k), v])));
}
const KINDS = lookup(LIFE_EVENT_KINDS, lifeEventKindLabel);
const PLACES = lookup(DEATH_PLACES, deathPlaceLabel);
const CAUSES = lookup(CAUSE_CATEGORIES, causeCategoryLabel);
const YES = new Set(['是', 'yes', 'true', '1', 'y']);
const NO = new Set(['否', 'no', 'false', '0', 'n']);

export interface EventRowError {
  field: EventField;
  code: string;
  message: Message;
}

const err = (field: EventField, code: string, zh: string, en: string): EventRowError => ({
  field,
  code,
  message: { zh, en },
});

/** A row of the file as the event a form would send, or the reasons it cannot be one. */
export function readEventRow(
  raw: Partial<Record<EventField, RawCell>>,
):
  | { ok: true; input: Omit<LifeEventInput, 'reference'> & { reference: string | null } }
  | { ok: false; errors: EventRowError[] } {
  const errors: EventRowError[] = [];
  const text = (f: EventField): string | null => {
    const c = cellText(raw[f]);
    if (c.kind === 'blank') return null;
    // A date typed into a text column (Excel turns 2026-11-20 into one) reads as blank: the
    // column's own check then reports it, and a blank reference is derived, never '' (which the
    // database refuses). The event date itself is read by readDate.
    if (c.kind === 'date') return null;
    if (looksLikeFormula(c.text)) {
      errors.push(
        err(
          f,
          `${f}.formula`,
          `${EVENT_FIELD_LABELS[f].zh}以 =、+、-、@ 开头，像是公式，未导入`,
          `${EVENT_FIELD_LABELS[f].en} starts like a formula (=, +, -, @); not loaded`,
        ),
      );
      return null;
    }
    return c.text;
  };
  const pickFrom = <T>(f: EventField, map: Map<string, T>): T | null => {
    const t = text(f);
    if (t === null) return null;
    const v = map.get(squash(t));
    if (v === undefined)
      errors.push(
        err(
          f,
          `${f}.format`,
          `${EVENT_FIELD_LABELS[f].zh}“${t}”无法识别`,
          `${EVENT_FIELD_LABELS[f].en} "${t}" is not recognised`,
        ),
      );
    return v ?? null;
  };
  const kind = pickFrom('kind', KINDS);
  const idNumber = text('idNumber');
  const eventDate = readDate(raw.eventDate);
  if (kind === null && !errors.some((e) => e.field === 'kind'))
    errors.push(
      err(
        'kind',
        'kind.required',
        '请填写事件类型（死亡、迁入、迁出、结婚）',
        'Give the event (death, move in, move out, marriage)',
      ),
    );
  if (idNumber === null && !errors.some((e) => e.field === 'idNumber'))
    errors.push(err('idNumber', 'idNumber.required', '请填写公民身份号码', 'Give the ID number'));
  if (eventDate === null)
    errors.push(
      err('eventDate', 'eventDate.format', '事件日期应为 YYYY-MM-DD 格式的日期', 'The date must be a date, YYYY-MM-DD'),
    );
  const maternalText = text('maternal');
  let maternal: boolean | null = null;
  if (maternalText !== null) {
    const m = squash(maternalText);
    if (YES.has(m)) maternal = true;
    else if (NO.has(m)) maternal = false;
    else
      errors.push(err('maternal', 'maternal.format', '孕产妇死亡请填“是”或“否”', 'Maternal death must be yes or no'));
  }
  const input = {
    kind: kind ?? 'death',
    idNumber: idNumber ?? '',
    eventDate: eventDate ?? '',
    deathPlace: pickFrom('deathPlace', PLACES),
    causeCategory: pickFrom('causeCategory', CAUSES),
    maternal,
    otherRegionCode: text('otherRegionCode'),
    otherRegionName: text('otherRegionName'),
    newResidenceCode: text('newResidenceCode'),
    spouseIdNumber: text('spouseIdNumber'),
    reference: text('reference'),
  };
  if (input.reference !== null && input.reference.length > 100)
    errors.push(
      err('reference', 'reference.format', '报送编号不能超过 100 个字符', 'A reference has at most 100 characters'),
    );
  if (input.otherRegionName !== null && input.otherRegionName.length > 100)
    errors.push(
      err(
        'otherRegionName',
        'otherRegionName.format',
        '地区名称不能超过 100 个字符',
        'A region name has at most 100 characters',
      ),
    );
  return errors.length ? { ok: false, errors } : { ok: true, input };
}
