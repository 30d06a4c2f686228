import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIdCheckCharacter } from './id-check.js';
import { idKindLabel, maskIdNumber, parseIdNumber } from './id-number.js';

const TODAY = new Date('2024-06-01T04:00:00Z');

/** A valid number from its parts: region (6), birth date (YYYYMMDD), sequence (3). */
function build(region: string, date: string, sequence: string): string {
  const first17 = region + date + sequence;
  return first17 + computeIdCheckCharacter(first17);
}

function withWrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

describe('parseIdNumber', () => {
  it('accepts the public example 11010519491231002X as a woman born 1949-12-31', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        kind: 'resident',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
      },
    });
  });

  it('reads an odd sequence digit as male and an even one as female', () => {
    const male = parseIdNumber(build('533423', '19800101', '123'), TODAY);
    const female = parseIdNumber(build('533423', '19800101', '120'), TODAY);
    expect(male.ok && male.value.sex).toBe('male');
    expect(female.ok && female.value.sex).toBe('female');
  });

  it('trims whitespace and reads a lowercase x as X', () => {
    const result = parseIdNumber('  11010519491231002x\t', TODAY);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('reads full-width digits typed with a Chinese input method', () => {
    const result = parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('rejects an ID number whose check character is wrong and names the expected one', () => {
    const result = parseIdNumber('110105194912310021', TODAY);
    expect(result).toMatchObject({ ok: false, code: 'idNumber.checkCharacter' });
    expect(!result.ok && result.message.zh).toContain('应为 X');
    expect(!result.ok && result.message.en).toContain('expected X');
  });

  it.each([
    ['', 'idNumber.empty'],
    ['   ', 'idNumber.empty'],
    ['11010519491231002', 'idNumber.format'],
    ['11010519491231002XX', 'idNumber.format'],
    ['1101051949123100X2', 'idNumber.format'],
    ['11010519491231 02X', 'idNumber.format'],
    ['110105491231002', 'idNumber.format'],
  ])('rejects %j with %s', (raw, code) => {
    expect(parseIdNumber(raw, TODAY)).toMatchObject({ ok: false, code });
  });

  it('tells the user how many characters were entered', () => {
    const result = parseIdNumber('1101051949123100', TODAY);
    expect(!result.ok && result.message.zh).toContain('当前为16位');
  });

  it('asks for the 18-character number when given an old 15-digit one', () => {
    const result = parseIdNumber('110105491231002', TODAY);
    expect(!result.ok && result.message.zh).toContain('15位旧号码');
  });

  it.each(['00', '99', '10', '83'])('rejects unknown province %s', (province) => {
    expect(parseIdNumber(build(`${province}0105`, '19800101', '123'), TODAY)).toMatchObject({
      ok: false,
      code: 'idNumber.province',
    });
  });

  it('accepts an abolished county code inside a valid province', () => {
    // 110103 (崇文区) was merged into 东城区 in 2010; people keep numbers issued under it.
    const result = parseIdNumber(build('110103', '19700101', '011'), TODAY);
    expect(result.ok && result.value.regionCode).toBe('110103');
  });

  it('accepts 29 February in a leap year', () => {
    for (const year of ['2000', '2020', '1904']) {
      expect(parseIdNumber(build('533423', `${year}0229`, '123'), TODAY).ok).toBe(true);
    }
  });

  it('rejects 29 February in a common year, including 1900', () => {
    for (const year of ['2023', '2021', '1900']) {
      expect(parseIdNumber(build('533423', `${year}0229`, '123'), TODAY)).toMatchObject({
        ok: false,
        code: 'idNumber.birthDate',
      });
    }
  });

  it.each(['19801301', '19800001', '19800431', '19800100'])('rejects impossible date %s', (date) => {
    expect(parseIdNumber(build('533423', date, '123'), TODAY)).toMatchObject({ ok: false, code: 'idNumber.birthDate' });
  });

  it('rejects a birth date before 1900', () => {
    const result = parseIdNumber(build('533423', '18991231', '123'), TODAY);
    expect(result).toMatchObject({ ok: false, code: 'idNumber.birthDate' });
    expect(!result.ok && result.message.zh).toContain('早于1900年1月1日');
  });

  it('accepts 1900-01-01 and a birth today, rejects a birth tomorrow', () => {
    expect(parseIdNumber(build('533423', '19000101', '123'), TODAY).ok).toBe(true);
    expect(parseIdNumber(build('533423', '20240601', '123'), TODAY).ok).toBe(true);
    expect(parseIdNumber(build('533423', '20240602', '123'), TODAY)).toMatchObject({
      ok: false,
      code: 'idNumber.futureBirthDate',
    });
  });

  it("takes today in Beijing time, whatever the machine's time zone", () => {
    // 2024-06-01 20:00 UTC is already 2 June in Beijing.
    const lateUtc = new Date('2024-06-01T20:00:00Z');
    expect(parseIdNumber(build('533423', '20240602', '123'), lateUtc).ok).toBe(true);
  });

  it.each([
    ['810000', 'hkMacaoTaiwanResidencePermit'],
    ['820000', 'hkMacaoTaiwanResidencePermit'],
    ['830000', 'hkMacaoTaiwanResidencePermit'],
    ['810101', 'resident'],
  ] as const)('classifies prefix %s as %s', (region, kind) => {
    const result = parseIdNumber(build(region, '19900101', '002'), TODAY);
    expect(result.ok && result.value.kind).toBe(kind);
  });

  it('classifies a 9-prefixed number as a foreign permanent resident and checks its issuing province', () => {
    const shanghai = parseIdNumber(build('931840', '19850315', '011'), TODAY);
    expect(shanghai).toMatchObject({ ok: true, value: { kind: 'foreignPermanentResident', sex: 'male' } });
    expect(shanghai.ok && shanghai.value.birthDate).toBe('1985-03-15');
    expect(parseIdNumber(build('900840', '19850315', '011'), TODAY)).toMatchObject({
      ok: false,
      code: 'idNumber.province',
    });
  });

  it('gives every error a Chinese and an English message', () => {
    for (const raw of ['', '123', build('003423', '19800101', '123'), build('533423', '19800230', '123')]) {
      const result = parseIdNumber(raw, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.zh && result.message.en).toBeTruthy();
    }
    expect(parseIdNumber(withWrongCheck(build('533423', '19800101', '123')), TODAY).ok).toBe(false);
  });

  it('round-trips birth date and sex for any valid date and sequence', () => {
    const dates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: TODAY, noInvalidDate: true });
    const sequences = fc.integer({ min: 0, max: 999 });
    const regions = fc.constantFrom('110105', '533423', '650102', '810000');
    fc.assert(
      fc.property(dates, sequences, regions, (d, seq, region) => {
        const iso = d.toISOString().slice(0, 10);
        const id = build(region, iso.replaceAll('-', ''), String(seq).padStart(3, '0'));
        const result = parseIdNumber(id, TODAY);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.birthDate).toBe(iso);
        expect(result.value.sex).toBe(seq % 2 === 1 ? 'male' : 'female');
        expect(parseIdNumber(withWrongCheck(id), TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('idKindLabel', () => {
  it('names each kind of document in both languages', () => {
    expect(idKindLabel('resident').zh).toBe('居民身份证');
    expect(idKindLabel('hkMacaoTaiwanResidencePermit').zh).toBe('港澳台居民居住证');
    expect(idKindLabel('foreignPermanentResident').zh).toBe('外国人永久居留身份证');
  });
});

describe('maskIdNumber', () => {
  it('keeps the region part and the last four', () => {
    expect(maskIdNumber('53342319800101123X')).toBe('533423********123X');
    expect(maskIdNumber(' 11010519491231002x ')).toBe('110105********002X');
  });

  it('masks a malformed number entirely', () => {
    expect(maskIdNumber('1101051949')).toBe('**********');
  });
});
