export const QUALITY_INDICATORS: readonly QualityIndicator[] = ['coverage', 'accuracy', 'timeliness'];

export type QualityStatus = 'met' | 'notMet' | 'noData';

export function qualityStatus(value: number | null, target: number): QualityStatus {
  if (value === null) return 'noData';
  return value >= target ? 'met' : 'notMet';
}

export const STATUS_COLOR: Record<QualityStatus, string> = { met: '#52c41a', notMet: '#ff4d4f', noData: '#d9d9d9' };
import type { QualityIndicator } from '@cradle/contract';
