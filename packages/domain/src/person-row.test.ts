import { describe, expect, it } from 'vitest';
import { computeIdCheckCharacter } from './id-check.js';
import { validatePersonRow, type PersonRowContext, type RawPersonRow } from './person-row.js';

function build(region: string, date: string, sequence: string): string {
  const first17 = region + date + sequence;
  return first17 + computeIdCheckCharacter(first17);
}

const EXISTING = new Set(['530102001', '530102001001', '530102002001', '530103001001', '110105001001']);
const ctx: PersonRowContext = {
  regionExists: (code) => EXISTING.has(code),
  jurisdictionCode: '530102',
  today: new Date('2024-06-01T04:00:00Z'),
};

const ID_FEMALE_1990 = build('530102', '19900315', '002');

const valid: RawPersonRow = {
  name: '李晓梅',
  idNumber: ID_FEMALE_1990,
  sex: '女',
  birthDate: '1990-03-15',
  ethnicity: '彝族',
  hukouRegionCode: '110105001001',
  residenceRegionCode: '530102001001',
  householdNo: 'H-0001',
  relationToHead: '配偶',
  phone: '13800138000',
};

function errorsOf(row: RawPersonRow): { field: string; code: string }[] {
  const result = validatePersonRow(row, ctx);
  return result.ok ? [] : result.errors.map(({ field, code }) => ({ field, code }));
}

describe('validatePersonRow', () => {
  it('says in both languages why text that starts like a formula is refused', () => {
    const result = validatePersonRow({ ...valid, ethnicity: '=1+2' }, ctx);
    expect(result.ok).toBe(false);
    const message = !result.ok && result.errors[0]!.message;
    expect(message).toEqual({
      zh: '民族“=1+2”不能以“=”开头：电子表格软件会把这样的内容当作公式执行；请删除开头的符号',
      en: 'Ethnicity "=1+2" may not start with “=”: spreadsheet programs run such text as a formula. Remove the leading character',
    });
  });

  it('accepts a complete row, normalised', () => {
    expect(validatePersonRow({ ...valid, idNumber: ` ${ID_FEMALE_1990.toLowerCase()} ` }, ctx)).toEqual({
      ok: true,
      value: {
        name: '李晓梅',
        idNumber: ID_FEMALE_1990,
        idKind: 'resident',
        sex: 'female',
        birthDate: '1990-03-15',
        ethnicity: '彝族',
        hukouRegionCode: '110105001001',
        residenceRegionCode: '530102001001',
        householdNo: 'H-0001',
        relationToHead: 'spouse',
        phone: '13800138000',
      },
    });
  });

  it('accepts a row with only the required fields, leaving the rest null', () => {
    const required = Object.fromEntries(
      ['name', 'idNumber', 'sex', 'birthDate', 'hukouRegionCode', 'residenceRegionCode'].map((f) => [f, valid[f]]),
    );
    const result = validatePersonRow({ ...required, ethnicity: '  ', phone: null }, ctx);
    expect(result).toMatchObject({
      ok: true,
      value: { ethnicity: null, householdNo: null, relationToHead: null, phone: null },
    });
  });

  it.each([
    ['a township residence code', { residenceRegionCode: '530102001' }],
    ['sex as F', { sex: 'F' }],
    ['sex as Female', { sex: 'Female' }],
    ['sex as the number 2', { sex: 2 }],
    ['birth date with slashes', { birthDate: '1990/03/15' }],
    ['birth date without separators', { birthDate: '19900315' }],
    ['birth date as a number', { birthDate: 19900315 }],
    ['birth date as an exceljs Date at UTC midnight', { birthDate: new Date(Date.UTC(1990, 2, 15)) }],
    ['a name with a middle dot', { name: '阿依古丽·买买提', sex: '女' }],
    ['a Latin name with space and hyphen', { name: 'Anne-Marie Dupont' }],
    ['region codes as numbers', { hukouRegionCode: 110105001001, residenceRegionCode: 530102001001 }],
    ['a phone number written in groups', { phone: '138 0013 8000' }],
    ['a phone number as a number', { phone: 13800138000 }],
    ['relation in English', { relationToHead: 'Head' }],
    ['a household number as a number', { householdNo: 42 }],
  ] as [string, RawPersonRow][])('accepts %s', (_, change) => {
    expect(errorsOf({ ...valid, ...change })).toEqual([]);
  });

  it.each([
    ['missing name', { name: '' }, 'name', 'name.required'],
    ['name over 50 characters', { name: '李'.repeat(51) }, 'name', 'name.tooLong'],
    ['markup in the name', { name: '<script>alert(1)</script>' }, 'name', 'name.invalidCharacters'],
    ['a control character in the name', { name: '李\u0000梅' }, 'name', 'name.invalidCharacters'],
    ['digits in the name', { name: '李梅2' }, 'name', 'name.invalidCharacters'],
    ['a name of punctuation only', { name: '·-' }, 'name', 'name.invalidCharacters'],
    ['a date in the name column', { name: new Date() }, 'name', 'name.format'],
    ['a name that starts like a formula', { name: '-李梅' }, 'name', 'name.formula'],
    ['a name that starts like a formula after spaces', { name: '  -李梅' }, 'name', 'name.formula'],
    ['an ethnicity that is a formula', { ethnicity: '=HYPERLINK("x","汉")' }, 'ethnicity', 'ethnicity.formula'],
    ['an ethnicity that starts with +', { ethnicity: '+汉族' }, 'ethnicity', 'ethnicity.formula'],
    ['an ethnicity that starts with @', { ethnicity: '@SUM(1,2)' }, 'ethnicity', 'ethnicity.formula'],
    ['a household number that starts like a formula', { householdNo: '-A1' }, 'householdNo', 'householdNo.formula'],
    ['a household number that is a negative number', { householdNo: -5 }, 'householdNo', 'householdNo.formula'],
    ['missing ID number', { idNumber: undefined }, 'idNumber', 'idNumber.empty'],
    ['an ID number stored as a number', { idNumber: 530102199003150000 }, 'idNumber', 'idNumber.storedAsNumber'],
    ['a wrong check character', { idNumber: ID_FEMALE_1990.slice(0, 17) + '0' }, 'idNumber', 'idNumber.checkCharacter'],
    ['missing sex', { sex: null }, 'sex', 'sex.required'],
    ['unreadable sex', { sex: '未知' }, 'sex', 'sex.format'],
    ['sex differing from the ID number', { sex: '男' }, 'sex', 'sex.mismatch'],
    ['missing birth date', { birthDate: '' }, 'birthDate', 'birthDate.required'],
    ['an impossible birth date', { birthDate: '1990-02-30' }, 'birthDate', 'birthDate.format'],
    ['an unreadable birth date', { birthDate: '15.03.1990' }, 'birthDate', 'birthDate.format'],
    ['an invalid Date', { birthDate: new Date('x') }, 'birthDate', 'birthDate.format'],
    ['birth date differing from the ID number', { birthDate: '1990-03-16' }, 'birthDate', 'birthDate.mismatch'],
    ['ethnicity over 20 characters', { ethnicity: '族'.repeat(21) }, 'ethnicity', 'ethnicity.tooLong'],
    ['markup in ethnicity', { ethnicity: '<b>汉</b>' }, 'ethnicity', 'ethnicity.invalidCharacters'],
    ['missing hukou region', { hukouRegionCode: ' ' }, 'hukouRegionCode', 'hukouRegion.required'],
    [
      'a county-level hukou code the tree does not hold',
      { hukouRegionCode: '530102' },
      'hukouRegionCode',
      'hukouRegion.notFound',
    ],
    ['a city-level hukou code', { hukouRegionCode: '5301' }, 'hukouRegionCode', 'hukouRegion.format'],
    [
      'a hukou region that does not exist',
      { hukouRegionCode: '530102009009' },
      'hukouRegionCode',
      'hukouRegion.notFound',
    ],
    ['missing residence region', { residenceRegionCode: undefined }, 'residenceRegionCode', 'residenceRegion.required'],
    [
      'a residence code with letters',
      { residenceRegionCode: '53010200100A' },
      'residenceRegionCode',
      'residenceRegion.format',
    ],
    [
      'a residence region that does not exist',
      { residenceRegionCode: '530102009009' },
      'residenceRegionCode',
      'residenceRegion.notFound',
    ],
    [
      'a residence outside the jurisdiction',
      { residenceRegionCode: '530103001001' },
      'residenceRegionCode',
      'residenceRegion.outsideJurisdiction',
    ],
    ['a household number over 32 characters', { householdNo: 'A'.repeat(33) }, 'householdNo', 'householdNo.tooLong'],
    ['a household number with other characters', { householdNo: '户001' }, 'householdNo', 'householdNo.format'],
    ['an unknown relation to head', { relationToHead: '邻居' }, 'relationToHead', 'relationToHead.format'],
    ['a landline phone', { phone: '0871-1234567' }, 'phone', 'phone.format'],
    ['a phone with 12 digits', { phone: '138001380000' }, 'phone', 'phone.format'],
  ] as [string, RawPersonRow, string, string][])('rejects %s', (_, change, field, code) => {
    expect(errorsOf({ ...valid, ...change })).toEqual([{ field, code }]);
  });

  it('accepts a hukou outside the jurisdiction as long as it exists', () => {
    expect(errorsOf({ ...valid, hukouRegionCode: '110105001001' })).toEqual([]);
  });

  it('cites both values when sex and birth date disagree with the ID number', () => {
    const result = validatePersonRow({ ...valid, sex: '男', birthDate: '1990-03-16' }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message.zh)).toEqual([
      '性别与公民身份号码不符：号码显示为女，填写为男',
      '出生日期与公民身份号码不符：号码显示为 1990-03-15，填写为 1990-03-16',
    ]);
    expect(result.errors[0]!.message.en).toBe(
      'Sex does not match the ID number: the number shows female, the row says male',
    );
  });

  it('reports every error of a row at once, in column order', () => {
    const row = { ...valid, phone: '12345', name: '', idNumber: '123', residenceRegionCode: '530103001001', sex: '?' };
    expect(errorsOf(row)).toEqual([
      { field: 'name', code: 'name.required' },
      { field: 'idNumber', code: 'idNumber.format' },
      { field: 'sex', code: 'sex.format' },
      { field: 'residenceRegionCode', code: 'residenceRegion.outsideJurisdiction' },
      { field: 'phone', code: 'phone.format' },
    ]);
  });

  it('does not cross-check sex or birth date against an ID number that failed', () => {
    expect(errorsOf({ ...valid, idNumber: ID_FEMALE_1990.slice(0, 17) + '0', sex: '男' })).toEqual([
      { field: 'idNumber', code: 'idNumber.checkCharacter' },
    ]);
  });

  it('names the offending characters in the message', () => {
    const result = validatePersonRow({ ...valid, name: '李<梅>' }, ctx);
    expect(!result.ok && result.errors[0]!.message.zh).toContain('“<”、“>”');
  });

  it('gives every error a message in both languages', () => {
    const row = {
      name: '<',
      idNumber: 'x',
      sex: 'x',
      birthDate: 'x',
      hukouRegionCode: 'x',
      residenceRegionCode: 'x',
      phone: 'x',
    };
    const result = validatePersonRow(row, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) for (const e of result.errors) expect(e.message.zh.length * e.message.en.length).toBeGreaterThan(0);
  });

  it('refuses to run without a valid jurisdiction', () => {
    expect(() => validatePersonRow(valid, { ...ctx, jurisdictionCode: '' })).toThrow(RangeError);
  });
});
