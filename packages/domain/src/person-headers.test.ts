import { describe, expect, it } from 'vitest';
import { headerToField, mapHeaders } from './person-headers.js';

describe('headerToField', () => {
  it.each([
    ['姓名', 'name'],
    ['姓　名', 'name'],
    ['*姓名', 'name'],
    ['公民身份号码', 'idNumber'],
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['户籍地代码', 'hukouRegionCode'],
    ['与户主关系', 'relationToHead'],
    ['联系电话', 'phone'],
    ['idNumber', 'idNumber'],
    ['ID_NUMBER', 'idNumber'],
    ['Birth_Date', 'birthDate'],
    [' residenceregioncode ', 'residenceRegionCode'],
    ['HouseholdNo', 'householdNo'],
    ['备注', null],
    ['', null],
  ])('maps %j to %s', (header, field) => {
    expect(headerToField(header)).toBe(field);
  });
});

describe('mapHeaders', () => {
  it('maps a complete Chinese header row', () => {
    const headers = ['姓名', '公民身份号码', '性别', '出生日期', '民族'].concat([
      '户籍地代码',
      '居住地代码',
      '户号',
      '与户主关系',
      '联系电话',
    ]);
    expect(mapHeaders(headers)).toEqual({
      mapping: [
        'name',
        'idNumber',
        'sex',
        'birthDate',
        'ethnicity',
        'hukouRegionCode',
        'residenceRegionCode',
        'householdNo',
        'relationToHead',
        'phone',
      ],
      missing: [],
      unknown: [],
      duplicate: [],
    });
  });

  it('reports required columns that are missing and headers it does not know', () => {
    const result = mapHeaders(['name', 'id_number', '备注', '', 'sex']);
    expect(result.mapping).toEqual(['name', 'idNumber', null, null, 'sex']);
    expect(result.missing).toEqual(['birthDate', 'hukouRegionCode', 'residenceRegionCode']);
    expect(result.unknown).toEqual(['备注']);
  });

  it('keeps the first of two columns naming the same field and reports the second', () => {
    const result = mapHeaders(['身份证号', '公民身份号码']);
    expect(result.mapping).toEqual(['idNumber', null]);
    expect(result.duplicate).toEqual(['公民身份号码']);
  });
});
