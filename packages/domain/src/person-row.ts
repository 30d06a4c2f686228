import { parseIdNumber, type IdKind, type ParsedIdNumber, type Sex } from './id-number.js';
import type { RawCell, RelationToHead } from './person-cells.js';
import { CANONICAL_FIELDS } from './person-headers.js';
import {
  checkBirthDate,
  checkEthnicity,
  checkHouseholdNo,
  checkName,
  checkPhone,
  checkRegionCodeFormat,
  checkRelationToHead,
  checkSex,
  type FieldResult,
} from './person-field-checks.js';
import {
  birthDateMismatchMessage,
  ID_STORED_AS_NUMBER,
  notTextMessage,
  rowError,
  sexMismatchMessage,
  type RowFieldError,
} from './person-row-errors.js';
import { isRegionCode, isWithinJurisdiction } from './region-code.js';

/** One imported row, keyed by canonical field name (see mapHeaders); other keys are ignored. */
export type RawPersonRow = Readonly<Record<string, RawCell>>;

export type PersonRow = {
  name: string;
  idNumber: string;
  idKind: IdKind;
  sex: Sex;
  birthDate: string;
  ethnicity: string | null;
  hukouRegionCode: string;
  residenceRegionCode: string;
  householdNo: string | null;
  relationToHead: RelationToHead | null;
  phone: string | null;
};

export type PersonRowContext = {
  regionExists(code: string): boolean;
  /** The importing user's jurisdiction; residence must fall inside it. */
  jurisdictionCode: string;
  today?: Date;
};

export type PersonRowResult = { ok: true; value: PersonRow } | { ok: false; errors: RowFieldError[] };

function checkIdNumber(cell: RawCell, today: Date | undefined): FieldResult<ParsedIdNumber> {
  // Eighteen digits exceed a double's precision: a numeric cell has already lost the last ones.
  if (typeof cell === 'number') {
    return { ok: false, error: rowError('idNumber', 'idNumber.storedAsNumber', ID_STORED_AS_NUMBER) };
  }
  if (cell instanceof Date) {
    return { ok: false, error: rowError('idNumber', 'idNumber.format', notTextMessage('idNumber')) };
  }
  const parsed = parseIdNumber(cell ?? '', today);
  return parsed.ok ? parsed : { ok: false, error: rowError('idNumber', parsed.code, parsed.message) };
}

function checkHukouRegion(cell: RawCell, ctx: PersonRowContext): FieldResult<string> {
  const r = checkRegionCodeFormat(cell, 'hukouRegionCode');
  if (!r.ok || ctx.regionExists(r.value)) return r;
  return {
    ok: false,
    error: rowError('hukouRegionCode', 'hukouRegion.notFound', {
      zh: `户籍地代码 ${r.value} 在行政区划中不存在`,
      en: `Hukou region code ${r.value} does not exist`,
    }),
  };
}

// Hukou may be anywhere (people live away from their hukou); residence decides whose work the row is.
function checkResidenceRegion(cell: RawCell, ctx: PersonRowContext): FieldResult<string> {
  const r = checkRegionCodeFormat(cell, 'residenceRegionCode');
  if (!r.ok) return r;
  if (!ctx.regionExists(r.value)) {
    return {
      ok: false,
      error: rowError('residenceRegionCode', 'residenceRegion.notFound', {
        zh: `居住地代码 ${r.value} 在行政区划中不存在`,
        en: `Residence region code ${r.value} does not exist`,
      }),
    };
  }
  if (!isWithinJurisdiction(r.value, ctx.jurisdictionCode)) {
    return {
      ok: false,
      error: rowError('residenceRegionCode', 'residenceRegion.outsideJurisdiction', {
        zh: `居住地代码 ${r.value} 不在您的辖区（${ctx.jurisdictionCode}）内`,
        en: `Residence region code ${r.value} is outside your jurisdiction (${ctx.jurisdictionCode})`,
      }),
    };
  }
  return r;
}

/** Validate one row, reporting every field's error at once so a worker can fix the row in one pass. */
export function validatePersonRow(raw: RawPersonRow, ctx: PersonRowContext): PersonRowResult {
  if (!isRegionCode(ctx.jurisdictionCode)) {
    throw new RangeError(`validatePersonRow needs a valid jurisdiction code, got "${ctx.jurisdictionCode}"`);
  }
  const name = checkName(raw['name']);
  const id = checkIdNumber(raw['idNumber'], ctx.today);
  const sex = checkSex(raw['sex']);
  const birthDate = checkBirthDate(raw['birthDate']);
  const ethnicity = checkEthnicity(raw['ethnicity']);
  const hukou = checkHukouRegion(raw['hukouRegionCode'], ctx);
  const residence = checkResidenceRegion(raw['residenceRegionCode'], ctx);
  const householdNo = checkHouseholdNo(raw['householdNo']);
  const relationToHead = checkRelationToHead(raw['relationToHead']);
  const phone = checkPhone(raw['phone']);

  const errors: RowFieldError[] = [];
  for (const r of [name, id, sex, birthDate, ethnicity, hukou, residence, householdNo, relationToHead, phone]) {
    if (!r.ok) errors.push(r.error);
  }
  if (id.ok && sex.ok && id.value.sex !== sex.value) {
    errors.push(rowError('sex', 'sex.mismatch', sexMismatchMessage(id.value.sex, sex.value)));
  }
  if (id.ok && birthDate.ok && id.value.birthDate !== birthDate.value) {
    const message = birthDateMismatchMessage(id.value.birthDate, birthDate.value);
    errors.push(rowError('birthDate', 'birthDate.mismatch', message));
  }
  if (
    errors.length > 0 ||
    !name.ok ||
    !id.ok ||
    !sex.ok ||
    !birthDate.ok ||
    !ethnicity.ok ||
    !hukou.ok ||
    !residence.ok ||
    !householdNo.ok ||
    !relationToHead.ok ||
    !phone.ok
  ) {
    // In column order, so the list reads left to right like the sheet.
    errors.sort((a, b) => CANONICAL_FIELDS.indexOf(a.field) - CANONICAL_FIELDS.indexOf(b.field));
    return { ok: false, errors };
  }

  return {
    ok: true,
    value: {
      name: name.value,
      idNumber: id.value.idNumber,
      idKind: id.value.kind,
      sex: id.value.sex,
      birthDate: id.value.birthDate,
      ethnicity: ethnicity.value,
      hukouRegionCode: hukou.value,
      residenceRegionCode: residence.value,
      householdNo: householdNo.value,
      relationToHead: relationToHead.value,
      phone: phone.value,
    },
  };
}
