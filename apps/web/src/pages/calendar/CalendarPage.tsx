import type { CalendarEntry } from '@cradle/contract';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCalendar, removeCalendarDay } from '../../api/calendar';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { chinaDate } from '../../lib/format';
import { CalendarDayModal } from './CalendarDayModal';
import { CalendarTable } from './CalendarTable';

const thisYear = Number(chinaDate().slice(0, 4));
// Last year's days still count for registrations submitted then; the State Council publishes next year's in November.
const YEARS = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

/** 工作日历: the public holidays and make-up working days every processing deadline counts. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear);
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchCalendar', year],
    queryFn: ({ signal }) => fetchCalendar(year, signal),
    placeholderData: keepPreviousData,
  });
  const [modalOpen, setModalOpen] = useState(false);
  // Kept while the modal closes, so its title does not change under the animation.
  const [editing, setEditing] = useState<CalendarEntry | null>(null);
  const openModal = (day: CalendarEntry | null) => {
    setEditing(day);
    setModalOpen(true);
  };
  const removal = useMutation({
    mutationFn: removeCalendarDay,
    onSuccess: (_, date) => {
      void message.success(t('calendar.removed', { date }));
      void reload();
    },
  });
  const remove = (date: string) => removal.mutate(date);

  const saved = (date: string) => {
    setModalOpen(false);
    void message.success(t('calendar.saved', { date }));
    const y = Number(date.slice(0, 4));
    if (y !== year) setYear(y);
    else void reload();
  };

  return (
    <Flex vertical gap={16} data-testid="calendar-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        <CalendarOutlined /> {t('calendar.title')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary" style={{ maxWidth: 720 }}>
            {t('calendar.hint')}
          </Typography.Text>
          <Flex gap={8}>
            <Select<number>
              value={year}
              onChange={setYear}
              options={(YEARS.includes(year) ? YEARS : [...YEARS, year].sort()).map((y) => ({
                value: y,
                label: t('calendar.year', { year: y }),
              }))}
              style={{ width: 120 }}
              data-testid="calendar-year"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal(null)} data-testid="calendar-add">
              {t('calendar.add')}
            </Button>
          </Flex>
        </Flex>
        <ApiErrorAlert error={removal.error} />
        <CalendarTable
          days={data?.year === year ? data.days : undefined}
          loading={loading}
          removing={removal.isPending ? removal.variables : null}
          onEdit={openModal}
          onRemove={(d) => remove(d)}
        />
      </Card>
      <CalendarDayModal open={modalOpen} editing={editing} onClose={() => setModalOpen(false)} onSaved={saved} />
    </Flex>
  );
}
