import type { Message } from './messages.js';

/** The columns of a person import, named as in the glossary. */
export type CanonicalField =
  | 'name'
  | 'idNumber'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'hukouRegionCode'
  | 'residenceRegionCode'
  | 'householdNo'
  | 'relationToHead'
  | 'phone';

const FIELD_LABELS: Record<CanonicalField, Message> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '公民身份号码', en: 'ID number' },
  sex: { zh: '性别', en: 'Sex' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  hukouRegionCode: { zh: '户籍地代码', en: 'Hukou region code' },
  residenceRegionCode: { zh: '居住地代码', en: 'Residence region code' },
  householdNo: { zh: '户号', en: 'Household number' },
  relationToHead: { zh: '与户主关系', en: 'Relation to head of household' },
  phone: { zh: '联系电话', en: 'Phone' },
};

export const CANONICAL_FIELDS = Object.keys(FIELD_LABELS) as readonly CanonicalField[];

export const REQUIRED_FIELDS: readonly CanonicalField[] = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'hukouRegionCode',
  'residenceRegionCode',
];

export function fieldLabel(field: CanonicalField): Message {
  return FIELD_LABELS[field];
}

/** Column headers users write, in Chinese or English. Matching ignores case, spaces, `_`, `-` and `*`. */
export const HEADER_ALIASES: Readonly<Record<string, CanonicalField>> = Object.freeze({
  姓名: 'name',
  公民身份号码: 'idNumber',
  身份证号: 'idNumber',
  身份证号码: 'idNumber',
  性别: 'sex',
  出生日期: 'birthDate',
  民族: 'ethnicity',
  户籍地代码: 'hukouRegionCode',
  居住地代码: 'residenceRegionCode',
  户号: 'householdNo',
  与户主关系: 'relationToHead',
  联系电话: 'phone',
  手机号码: 'phone',
  name: 'name',
  idNumber: 'idNumber',
  id_number: 'idNumber',
  sex: 'sex',
  birthDate: 'birthDate',
  birth_date: 'birthDate',
  ethnicity: 'ethnicity',
  hukouRegionCode: 'hukouRegionCode',
  residenceRegionCode: 'residenceRegionCode',
  householdNo: 'householdNo',
  relationToHead: 'relationToHead',
  phone: 'phone',
});

// Templates often mark required columns with * and space out two-character headers (姓　名).
function headerKey(header: string): string {
  return header.replace(/[\s*＊_-]/g, '').toLowerCase();
}

const LOOKUP = new Map(Object.entries(HEADER_ALIASES).map(([alias, field]) => [headerKey(alias), field]));

export function headerToField(header: string): CanonicalField | null {
  return LOOKUP.get(headerKey(header)) ?? null;
}

export type HeaderMapping = {
  /** The field each column holds, by position; null for unknown, blank or duplicate columns. */
  mapping: (CanonicalField | null)[];
  /** Required fields no column holds. */
  missing: CanonicalField[];
  /** Non-blank headers that name no field. */
  unknown: string[];
  /** Headers naming a field an earlier column already holds; ignored rather than guessed between. */
  duplicate: string[];
};

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const seen = new Set<CanonicalField>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const mapping = headers.map((header) => {
    const field = headerToField(header);
    if (field === null) {
      if (header.trim() !== '') unknown.push(header);
      return null;
    }
    if (seen.has(field)) {
      duplicate.push(header);
      return null;
    }
    seen.add(field);
    return field;
  });
  const missing = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  return { mapping, missing, unknown, duplicate };
}
