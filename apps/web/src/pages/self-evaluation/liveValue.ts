import type { EvaluationItemView } from '@cradle/contract';
import type { TFunction } from 'i18next';

const FRACTIONS = new Set([
  'registryCoverage',
  'registryAccuracy',
  'registryTimeliness',
  'enrolmentRate',
  'specialFamilyContacts',
  'specialFamilyDoctors',
]);

/** An item's live figure as words: a percentage, slots per 1,000, a count, or why there is none. */
export function liveText(i: EvaluationItemView, t: TFunction): string {
  const v = i.live;
  if (!v) return '';
  if (v.kind === 'noSource') return t('selfEvaluation.noSource');
  if (v.kind === 'noData') return t('selfEvaluation.noData');
  if (FRACTIONS.has(i.metric ?? '')) return `${(v.value * 100).toFixed(1)}%`;
  if (i.metric === 'slotsPer1000') return t('selfEvaluation.perThousand', { value: v.value.toFixed(2) });
  return t('selfEvaluation.count', { value: v.value });
}
