import type { Frequency } from '@cradle/contract';
import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { periodOn } from '../../lib/domain';
import { chinaDate } from '../../lib/format';

/** The period key for today: 2026 for a yearly scheme, 2026-11 for a monthly one, once for a one-time grant. */
export function defaultPeriod(frequency: Frequency, today = chinaDate()): string {
  return periodOn(frequency, today);
}

type Props = { frequency: Frequency; value: string; onChange: (period: string) => void; testId: string };

/** A year or a month, as the scheme pays; a one-time grant has only the one period. */
export function PeriodPicker({ frequency, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  if (frequency === 'once')
    return <Input value={t('benefits.frequency.once')} disabled style={{ width: 160 }} data-testid={testId} />;
  const format = frequency === 'yearly' ? 'YYYY' : 'YYYY-MM';
  const parsed = dayjs(value, format);
  return (
    <DatePicker
      picker={frequency === 'yearly' ? 'year' : 'month'}
      value={parsed.isValid() && value !== 'once' ? parsed : null}
      format={format}
      allowClear={false}
      onChange={(d) => d && onChange(d.format(format))}
      style={{ width: 160 }}
      data-testid={testId}
    />
  );
}
