import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '@cradle/domain';
import {
  completionBodyOf,
  completionErrors,
  completionInputOf,
  lateEnrolment,
  mayCompleteInBulk,
} from './completionForm';

// A newborn girl born 2026-11-20, hukou in 保和镇 of 维西县 (533423).
const ctx = {
  newborn: { birthDate: '2026-11-20', sex: 'female' as const },
  hukouRegionCode: '533423101',
  today: '2026-11-29',
};

/** A valid resident ID number: region, birth date, sequence, and the MOD 11-2 check character. */
function idNumber(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'.charAt(sum % 11);
}

describe('the completion form', () => {
  it('accepts the newborn ID number public security assigns: the declared birth date, sex and county', () => {
    const id = idNumber('533423', '2026-11-20', '002');
    expect(parseIdNumber(id, new Date('2026-11-29T00:00:00Z')).ok).toBe(true);
    expect(completionErrors('hukouRegistration', { idNumber: id }, ctx)).toEqual({});
  });

  it('says why a malformed or mismatched newborn ID number is refused, in both languages', () => {
    expect(completionErrors('hukouRegistration', { idNumber: '53342320261120' }, ctx).idNumber?.zh).toBeTruthy();
    const boy = completionErrors(
      'hukouRegistration',
      { idNumber: idNumber('533423', '2026-11-20', '001') },
      ctx,
    ).idNumber;
    expect(boy?.zh).toContain('性别');
    expect(boy?.en).toContain('sex');
    expect(
      completionErrors('hukouRegistration', { idNumber: idNumber('530102', '2026-11-20', '002') }, ctx).idNumber?.en,
    ).toContain('county');
  });

  it('checks the birth certificate number: one capital letter and nine digits', () => {
    expect(completionErrors('birthCertificate', { certificateNo: 'q530012345' }, ctx)).toEqual({});
    expect(completionErrors('birthCertificate', { certificateNo: '530012345' }, ctx).certificateNo).toBeDefined();
  });

  it('needs nothing for a vaccination record or a social security card, so those complete in bulk (insurance as enrolled today)', () => {
    expect(completionErrors('vaccinationRecord', {}, ctx)).toEqual({});
    expect(completionErrors('socialSecurityCard', { cardNo: '  ' }, ctx)).toEqual({});
    expect(completionInputOf('socialSecurityCard', { cardNo: '  ' })).toEqual({
      service: 'socialSecurityCard',
      cardNo: null,
    });
    expect(mayCompleteInBulk('vaccinationRecord')).toBe(true);
    expect(mayCompleteInBulk('medicalInsuranceEnrollment')).toBe(true);
    expect(mayCompleteInBulk('hukouRegistration')).toBe(false);
    expect(mayCompleteInBulk('birthCertificate')).toBe(false);
  });

  it('refuses an enrolment date before birth or after today, and flags one after the 90 days as late', () => {
    expect(completionErrors('medicalInsuranceEnrollment', { enrolledOn: '2026-11-19' }, ctx).enrolledOn).toBeDefined();
    expect(completionErrors('medicalInsuranceEnrollment', { enrolledOn: '2026-11-30' }, ctx).enrolledOn).toBeDefined();
    // The task's 90-day date (born 2026-01-01), fixed at submission.
    expect(lateEnrolment('2026-04-01', '2026-04-01')).toBe(false);
    expect(lateEnrolment('2026-04-01', '2026-04-02')).toBe(true);
    expect(lateEnrolment('2026-04-01', undefined)).toBe(false);
  });

  it('sends only the service’s own fields', () => {
    expect(
      completionBodyOf(completionInputOf('birthCertificate', { certificateNo: 'Q530012345', idNumber: 'x' })),
    ).toEqual({ certificateNo: 'Q530012345' });
  });
});
