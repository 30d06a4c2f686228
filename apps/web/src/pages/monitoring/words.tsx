import type { Message, TargetValue } from '@cradle/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodWords } from '@cradle/domain';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

/** A text of the server's in the console's language. */
export function useMessage() {
  const lang = useLang();
  return (m: Message) => (lang === 'en' ? m.en : m.zh);
}

/** A figure: at most two decimals; — for none. */
export function figure(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2).replace(/\.?0+$/, '');
}

const COLORS = { met: 'green', atRisk: 'gold', notMet: 'red' } as const;

/** Red, amber or green with the status word (never colour alone). */
export function StatusTag({ value }: { value: TargetValue }) {
  const { t } = useTranslation();
  if (value.status === null)
    return (
      <Tag data-testid="status-tag">
        {t(value.reason === 'notBrokenDown' ? 'monitoring.status.notJudged' : 'monitoring.status.none')}
      </Tag>
    );
  return (
    <Tag color={COLORS[value.status]} data-testid="status-tag">
      {t(`monitoring.status.${value.status}`)}
    </Tag>
  );
}

export function countsText(v: Pick<TargetValue, 'numerator' | 'denominator'>): string {
  if (v.numerator === null) return '—';
  return v.denominator === null ? figure(v.numerator) : `${figure(v.numerator)} / ${figure(v.denominator)}`;
}

export function intervalText(v: Pick<TargetValue, 'interval'>): string {
  if (!v.interval) return '—';
  return `${figure(v.interval.lower)}–${v.interval.upper === null ? '∞' : figure(v.interval.upper)}`;
}

/** A clause as the domain records it ("(二); annex 2 #1"), in the console's language. */
export function useClause() {
  const lang = useLang();
  return (basis: { document: string; clause: string }) =>
    `${basis.document} ${lang === 'en' ? basis.clause : basis.clause.replace(/annex (\d+)/g, '附件$1').replace(/#(\d+)/g, '第$1项')}`;
}

/** A period key of the server ('2025', '2025-Q1', '2025-03', '2025/3y', '2025-03/12m') in words. */
export function usePeriodLabel() {
  const lang = useLang();
  return (key: string) => pick(periodWords(key), lang);
}
