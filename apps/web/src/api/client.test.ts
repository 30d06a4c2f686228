import { describe, expect, it } from 'vitest';
import { portalRoutes, staffRoutes } from '@cradle/contract';
import { pathOf } from './client';

describe('pathOf', () => {
  it('fills path parameters, encoded, and leaves out empty query values', () => {
    expect(pathOf(staffRoutes.budget, { code: 'a/b' }, { draftVersionId: undefined })).toBe(
      '/api/schemes/a%2Fb/budget',
    );
    expect(pathOf(staffRoutes.persons, undefined, { name: '张', region: '', page: 1, pageSize: 20 })).toBe(
      '/api/persons?name=%E5%BC%A0&page=1&pageSize=20',
    );
  });

  it('puts a receipt token in place of the wildcard', () => {
    expect(pathOf(portalRoutes.verifyReceipt, { '*': 'abc.def' })).toBe('/api/receipts/verify/abc.def');
  });

  it('sends a boolean filter as text', () => {
    expect(pathOf(staffRoutes.registrations, undefined, { conflicts: true, page: 1, pageSize: 20 })).toBe(
      '/api/childbirth-registrations?conflicts=true&page=1&pageSize=20',
    );
  });
});
