import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { receiptBaseUrl } from './public-url.js';

const req = (host: string, protocol: 'http' | 'https' = 'http') => ({ host, protocol });

describe('the address in receipts’ verification links', () => {
  it.each([
    [
      'the configured one, whatever the request says',
      'https://cradle.example.gov.cn',
      req('attacker.example'),
      'https://cradle.example.gov.cn',
    ],
    [
      'unset: a request to localhost (a demo on one machine)',
      undefined,
      req('localhost:3000'),
      'http://localhost:3000',
    ],
    ['unset: to 127.0.0.1 without a port', undefined, req('127.0.0.1', 'https'), 'https://127.0.0.1'],
    ['unset: to [::1]', undefined, req('[::1]:3000'), 'http://[::1]:3000'],
  ])('%s', (_, publicUrl, request, expected) => {
    expect(receiptBaseUrl(publicUrl, request)).toBe(expected);
  });

  it.each([
    ['attacker.example'],
    ['cradle.example.gov.cn'],
    ['192.168.1.5:3000'],
    ['localhost:80@attacker.example'],
    ['localhost.attacker.example'],
    ['127.0.0.1.nip.io'],
    [''],
  ])('refuses to issue from a request addressed to %j when the public address is unset', (host) => {
    const err = (() => {
      try {
        receiptBaseUrl(undefined, req(host));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'registration.publicUrlUnset', status: 503 });
  });
});
