import { describe, expect, it } from 'vitest';
import { factKeysOf, toApplicationRequest } from './applicationForm';

describe('factKeysOf', () => {
  it('asks for the declarations the scheme’s rules need, and none for the national subsidy', () => {
    expect(factKeysOf('national.childcareSubsidy')).toEqual([]);
    expect(factKeysOf('yunnan.insuranceSubsidy')).toEqual(['accidentInsurancePurchased']);
    expect(factKeysOf('baiyin.preschoolFeeWaiver')).toEqual(['enrolledInAffordableKindergarten']);
    // Paid from the special-family register without an application (issue 16).
    expect(factKeysOf('weixi.nursingSubsidy')).toEqual([]);
    expect(factKeysOf('no.such')).toEqual([]);
    expect(factKeysOf(undefined)).toEqual([]);
  });
});

describe('toApplicationRequest', () => {
  it('sends no facts and no blank applicant for a scheme that asks for none', () => {
    expect(
      toApplicationRequest(7, { scheme: 'national.childcareSubsidy', applicantName: '  ', facts: { stray: true } }),
    ).toEqual({ scheme: 'national.childcareSubsidy', beneficiaryId: 7 });
  });

  it('sends an unticked declaration as false, and nothing the scheme does not ask for', () => {
    expect(
      toApplicationRequest(7, {
        scheme: 'yunnan.insuranceSubsidy',
        applicantName: ' 和丽 ',
        facts: { specialFamilyStatus: 'bereaved' },
      }),
    ).toEqual({
      scheme: 'yunnan.insuranceSubsidy',
      beneficiaryId: 7,
      facts: { accidentInsurancePurchased: false },
      applicantName: '和丽',
    });
  });
});
