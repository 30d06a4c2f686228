import { describe, expect, it } from 'vitest';
import { computeQuality, QUALITY_TARGETS, qualityShortfalls, type QualityCounts } from './quality.js';

const counts: QualityCounts = {
  registryResidents: 9_600,
  referenceResidents: 10_000,
  checkedRecords: 200,
  recordsWithIssues: 6,
  eventsInWindow: 50,
  eventsReportedInTime: 44,
};

describe('computeQuality', () => {
  it('computes coverage, accuracy and timeliness as fractions', () => {
    expect(computeQuality(counts)).toEqual({ coverage: 0.96, accuracy: 0.97, timeliness: 0.88 });
  });

  it('caps coverage at 100% when the registry outgrows the reference figure', () => {
    expect(computeQuality({ ...counts, registryResidents: 10_500 }).coverage).toBe(1);
  });

  it('gives null where there is nothing to divide by', () => {
    const empty = { ...counts, referenceResidents: null, checkedRecords: 0, recordsWithIssues: 0 };
    expect(computeQuality({ ...empty, eventsInWindow: 0, eventsReportedInTime: 0 })).toEqual({
      coverage: null,
      accuracy: null,
      timeliness: null,
    });
    expect(computeQuality({ ...counts, referenceResidents: 0 }).coverage).toBeNull();
  });

  it('refuses counts that cannot come from real data', () => {
    expect(() => computeQuality({ ...counts, recordsWithIssues: 201 })).toThrow(RangeError);
    expect(() => computeQuality({ ...counts, eventsReportedInTime: 51 })).toThrow(RangeError);
    expect(() => computeQuality({ ...counts, registryResidents: -1 })).toThrow(RangeError);
    expect(() => computeQuality({ ...counts, checkedRecords: 1.5 })).toThrow(RangeError);
  });
});

describe('quality targets', () => {
  it('follows seed 003: 95% coverage and accuracy, 90% timeliness', () => {
    expect(QUALITY_TARGETS).toEqual({ coverage: 0.95, accuracy: 0.95, timeliness: 0.9 });
  });

  it('counts a figure exactly on target as meeting it (达到…以上 includes the figure)', () => {
    expect(qualityShortfalls({ coverage: 0.95, accuracy: 19 / 20, timeliness: 0.9 })).toEqual([]);
  });

  it('lists the indicators below target and skips unknown ones', () => {
    expect(qualityShortfalls(computeQuality(counts))).toEqual(['timeliness']);
    expect(qualityShortfalls({ coverage: null, accuracy: 0.5, timeliness: null })).toEqual(['accuracy']);
  });
});
