import type { CalendarDayKind, CalendarEntry } from '@cradle/contract';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

type Props = {
  days: CalendarEntry[] | undefined;
  loading: boolean;
  removing: string | null;
  onEdit: (day: CalendarEntry) => void;
  onRemove: (date: string) => void;
};

const KIND_COLOR: Record<CalendarDayKind, string> = { holiday: 'red', makeupWorkday: 'blue' };

/** A year's holidays and make-up working days, in date order. */
export function CalendarTable({ days, loading, removing, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: TableColumnsType<CalendarEntry> = [
    { title: t('calendar.date'), dataIndex: 'date', render: (d: string) => <span className="mono">{d}</span> },
    { title: t('calendar.weekday'), key: 'weekday', render: (_, d) => dayjs(d.date).format('dddd') },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      render: (k: CalendarDayKind) => <Tag color={KIND_COLOR[k]}>{t(`calendar.kinds.${k}`)}</Tag>,
    },
    { title: t('calendar.festival'), dataIndex: 'festival', render: (f: CalendarEntry['festival']) => pick(f, lang) },
    { title: t('calendar.source'), dataIndex: 'source', ellipsis: true },
    {
      title: t('calendar.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(d)} data-testid="calendar-edit">
            {t('calendar.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.removeConfirm', { date: d.date })}
            okText={t('calendar.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => onRemove(d.date)}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              loading={removing === d.date}
              data-testid="calendar-remove"
            >
              {t('calendar.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<CalendarEntry>
      rowKey="date"
      size="middle"
      columns={columns}
      dataSource={days}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('calendar.empty') }}
      onRow={(d) => ({ 'data-testid': `calendar-day-${d.date}`, 'data-kind': d.kind }) as HTMLAttributes<HTMLElement>}
      data-testid="calendar-table"
    />
  );
}
