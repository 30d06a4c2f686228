import { describe, expect, it } from 'vitest';
import { factKeysOf, toApplicationRequest } from './applicationForm';

describe('factKeysOf', () => {
  it('asks for the declarations the scheme’s rules need, and none for the national subsidy', () => {
    expect(factKeysOf('national.childcareSubsidy')).toEqual([]);
    expect(factKeysOf('yunnan.insuranceSubsidy')).toEqual(['accidentInsurancePurchased']);
    expect(factKeysOf('weixi.nursingSubsidy')).toEqual([
      'specialFamilyStatus',
      'unableToLookAfterSelf',
      'economicHardship',
    ]);
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

  it('sends an unticked declaration as false and the special family status as chosen', () => {
    expect(
      toApplicationRequest(7, {
        scheme: 'weixi.nursingSubsidy',
        applicantName: ' 和丽 ',
        facts: { specialFamilyStatus: 'bereaved', unableToLookAfterSelf: true },
      }),
    ).toEqual({
      scheme: 'weixi.nursingSubsidy',
      beneficiaryId: 7,
      facts: { specialFamilyStatus: 'bereaved', unableToLookAfterSelf: true, economicHardship: false },
      applicantName: '和丽',
    });
  });
});
