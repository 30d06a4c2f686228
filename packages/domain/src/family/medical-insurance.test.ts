import { describe, expect, it } from 'vitest';
import { isLateEnrolment, MEDICAL_INSURANCE_ENROLMENT_DAYS, medicalInsuranceDeadline } from './medical-insurance.js';

describe('newborn medical insurance: 90 days from birth (002 二(四)1.)', () => {
  it('counts 90 days after the day of birth', () => {
    expect(MEDICAL_INSURANCE_ENROLMENT_DAYS).toBe(90);
    expect(medicalInsuranceDeadline('2026-01-01')).toBe('2026-04-01');
    expect(medicalInsuranceDeadline('2024-12-15')).toBe('2025-03-15');
    expect(medicalInsuranceDeadline('2023-12-15')).toBe('2024-03-14');
  });

  it.each([
    ['2026-01-01', '2026-01-01', false, 'on the day of birth'],
    ['2026-01-01', '2026-04-01', false, 'on the 90th day'],
    ['2026-01-01', '2026-04-02', true, 'on the 91st day'],
    ['2026-03-02', '2026-12-31', true, 'months later'],
  ])('born %s, enrolled %s: late %s (%s)', (born, enrolled, late) => {
    expect(isLateEnrolment(born, enrolled)).toBe(late);
  });
});
