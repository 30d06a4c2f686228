import { describe, expect, it } from 'vitest';
import { chinaDate, formatDateTime } from './format';

// The web project has no Node types; the tests set the process's zone as a browser's would be.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

describe('formatDateTime', () => {
  it.each(['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati', 'Asia/Shanghai'])(
    'formats 2026-12-06T17:30:00Z as 2026-12-07 01:30 with the zone set to %s',
    (zone) => {
      const before = env.TZ;
      env.TZ = zone;
      try {
        expect(formatDateTime('2026-12-06T17:30:00Z')).toBe('2026-12-07 01:30:00');
        expect(chinaDate(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
      } finally {
        env.TZ = before;
      }
    },
  );

  it('shows an instant in China time, whatever the browser’s zone', () => {
    expect(formatDateTime('2026-12-06T17:30:00Z')).toBe('2026-12-07 01:30:00');
    expect(formatDateTime('2026-12-07T01:30:00+08:00')).toBe('2026-12-07 01:30:00');
  });

  it('uses a 24-hour clock from 00 to 23', () => {
    expect(formatDateTime('2026-12-06T16:05:09Z')).toBe('2026-12-07 00:05:09');
    expect(formatDateTime('2026-12-06T15:59:59Z')).toBe('2026-12-06 23:59:59');
  });

  it('shows nothing for no instant and an unparsable text as it is', () => {
    expect(formatDateTime(null)).toBeNull();
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('chinaDate', () => {
  it('is the China date of the instant: 17:30 UTC on the 6th is already the 7th in Beijing', () => {
    expect(chinaDate(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
  });
});
