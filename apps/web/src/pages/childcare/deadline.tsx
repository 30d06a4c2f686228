import type { DeadlineState } from '@cradle/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A deadline with where it stands: red when overdue (the queue's flag), orange on the day. */
export function DeadlineTag({ date, state }: { date: string | null; state: DeadlineState | null }) {
  const { t } = useTranslation();
  if (!date) return <>{t('common.none')}</>;
  if (!state) return <>{date}</>;
  const color = state === 'overdue' ? 'red' : state === 'dueToday' ? 'orange' : 'default';
  return (
    <span>
      {date} <Tag color={color}>{t(`childcare.queue.${state}`)}</Tag>
    </span>
  );
}
