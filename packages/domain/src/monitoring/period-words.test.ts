import { describe, expect, it } from 'vitest';
import { periodWords } from './period-words.js';

describe('periodWords', () => {
  it('says every period key in Chinese without a Latin letter, and keeps the key in English', () => {
    expect(periodWords('2025')).toEqual({ zh: '2025年', en: '2025' });
    expect(periodWords('2026-Q3')).toEqual({ zh: '2026年第3季度', en: '2026-Q3' });
    expect(periodWords('2026-03')).toEqual({ zh: '2026年3月', en: '2026-03' });
    expect(periodWords('2025/3y')).toEqual({ zh: '截至2025年的3年', en: '3 years to 2025' });
    expect(periodWords('2026-03/12m')).toEqual({ zh: '截至2026年3月的12个月', en: '12 months to 2026-03' });
    expect(periodWords('2023–2025')).toEqual({ zh: '2023–2025年', en: '2023–2025' });
  });
});
