import { describe, expect, it } from 'vitest';
import { isDepartment } from '../departments.js';
import { BUNDLE_SERVICES, bundleServiceDefinition, isBundleService } from './bundle-services.js';

describe('BUNDLE_SERVICES', () => {
  it('lists the five services in the order of the seeds, each with its department', () => {
    expect(BUNDLE_SERVICES.map((s) => [s.service, s.department])).toEqual([
      ['birthCertificate', 'hospital'],
      ['vaccinationRecord', 'diseaseControl'],
      ['hukouRegistration', 'publicSecurity'],
      ['medicalInsuranceEnrollment', 'medicalInsurance'],
      ['socialSecurityCard', 'humanResourcesSocialSecurity'],
    ]);
  });

  it('makes hukou wait for the certificate, insurance and the card for hukou, vaccination for nothing', () => {
    expect(Object.fromEntries(BUNDLE_SERVICES.map((s) => [s.service, s.dependsOn]))).toEqual({
      birthCertificate: [],
      vaccinationRecord: [],
      hukouRegistration: ['birthCertificate'],
      medicalInsuranceEnrollment: ['hukouRegistration'],
      socialSecurityCard: ['hukouRegistration'],
    });
  });

  it('lists each service after the ones it depends on, so the order is one to do them in', () => {
    BUNDLE_SERVICES.forEach((s, i) => {
      for (const dep of s.dependsOn) expect(BUNDLE_SERVICES.findIndex((d) => d.service === dep)).toBeLessThan(i);
    });
  });

  it('gives every service a known department, a label in both languages, a positive deadline and fields to return', () => {
    for (const s of BUNDLE_SERVICES) {
      expect(isDepartment(s.department)).toBe(true);
      expect(s.label.zh && s.label.en).toBeTruthy();
      expect(Number.isInteger(s.deadlineWorkingDays) && s.deadlineWorkingDays > 0).toBe(true);
      expect(s.formFields.length).toBeGreaterThan(0);
    }
  });

  it('finds a definition by name and knows the names', () => {
    expect(bundleServiceDefinition('hukouRegistration').label.zh).toBe('户口登记');
    expect(isBundleService('socialSecurityCard')).toBe(true);
    expect(isBundleService('marriageRegistration')).toBe(false);
  });
});
