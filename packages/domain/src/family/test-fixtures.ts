// Shared by this folder's tests: valid ID numbers built from their parts, and one family in 维西县 (533423).
import { computeIdCheckCharacter } from '../id-check.js';
import type { ChildbirthRegistrationForm } from './childbirth-registration.js';
import type { NewbornBundleForm } from './newborn-bundle.js';

/** A valid ID number from region (6), birth date (YYYYMMDD) and sequence (3; odd male, even female). */
export function idOf(region: string, date: string, sequence: string): string {
  const first17 = region + date + sequence;
  return first17 + computeIdCheckCharacter(first17);
}

export function withWrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

export const MOTHER_ID = idOf('533423', '19950312', '124');
export const FATHER_ID = idOf('533423', '19930708', '131');
export const NEWBORN_ID = idOf('533423', '20260302', '002');
export const TODAY = '2026-03-10';
/** 10:00 in Beijing on TODAY. */
export const NOW = new Date('2026-03-10T02:00:00Z');

export const BORN_FORM: ChildbirthRegistrationForm = {
  mother: { name: '和丽华', idNumber: MOTHER_ID, phone: '13800138000' },
  father: { name: '余建国', idNumber: FATHER_ID },
  married: true,
  residenceRegionCode: '533423100201',
  childStatus: 'born',
  child: { name: '余小禾', sex: 'female', birthDate: '2026-03-02' },
  commitment: { accepted: true, statement: '本人承诺所填生育状况真实，如有不实愿承担相应责任。' },
};

export const PREGNANT_FORM: ChildbirthRegistrationForm = {
  mother: { name: '阿依古丽·买买提', idNumber: MOTHER_ID },
  father: null,
  married: false,
  residenceRegionCode: '533423100',
  childStatus: 'pregnant',
  expectedBirthDate: '2026-08-20',
  commitment: { accepted: true, statement: '本人承诺所填生育状况真实。' },
};

export const BUNDLE_FORM: NewbornBundleForm = {
  newborn: {
    name: '余小禾',
    sex: 'female',
    birthDate: '2026-03-02',
    birthTime: '08:30',
    birthPlace: '云南省迪庆州维西县',
    hospitalName: '维西傈僳族自治县人民医院',
  },
  mother: { name: '和丽华', idNumber: MOTHER_ID, phone: '13800138000' },
  father: { name: '余建国', idNumber: FATHER_ID },
  hukouRegionCode: '533423100201',
  services: [
    'birthCertificate',
    'vaccinationRecord',
    'hukouRegistration',
    'medicalInsuranceEnrollment',
    'socialSecurityCard',
  ],
};
