import { describe, expect, it } from 'vitest';
import { paramsOf, registrationQueryOf, taskQueryOf } from './queueParams';

const p = (s: string) => new URLSearchParams(s);

describe('queue filters in the URL', () => {
  it('reads the dashboard link to overdue registrations', () => {
    expect(registrationQueryOf(p('deadline=overdue'))).toEqual({
      status: undefined,
      deadline: 'overdue',
      conflicts: undefined,
      q: undefined,
      page: 1,
      pageSize: 20,
    });
  });

  it('reads the conflicts filter as a boolean and drops anything else', () => {
    expect(registrationQueryOf(p('conflicts=true')).conflicts).toBe(true);
    expect(registrationQueryOf(p('conflicts=false')).conflicts).toBe(false);
    expect(registrationQueryOf(p('conflicts=yes')).conflicts).toBeUndefined();
  });

  it('drops an unknown status, a blank search and a page that is not a positive whole number', () => {
    expect(registrationQueryOf(p('status=approved&q=%20%20&page=-2'))).toMatchObject({
      status: undefined,
      q: undefined,
      page: 1,
    });
    expect(registrationQueryOf(p('page=1.5')).page).toBe(1);
  });

  it('keeps a service filter only for a service the user may see', () => {
    expect(taskQueryOf(p('service=hukouRegistration&status=pending'), ['hukouRegistration'])).toMatchObject({
      service: 'hukouRegistration',
      status: 'pending',
    });
    expect(taskQueryOf(p('service=birthCertificate'), ['hukouRegistration']).service).toBeUndefined();
  });

  it('writes back only what is set, without the first page or the page size', () => {
    expect(paramsOf({ status: 'submitted', q: '王', page: 1, pageSize: 20 })).toEqual({ status: 'submitted', q: '王' });
    expect(paramsOf({ deadline: 'overdue', conflicts: false, page: 3, pageSize: 20 })).toEqual({
      deadline: 'overdue',
      conflicts: 'false',
      page: '3',
    });
  });
});
