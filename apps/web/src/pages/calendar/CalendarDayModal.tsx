import type { CalendarDayKind, CalendarEntry } from '@cradle/contract';
import { SaveOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setCalendarDay } from '../../api/calendar';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { dateFieldProps } from '../benefits/ParameterInput';

type Values = { date: string; kind: CalendarDayKind; festivalZh: string; festivalEn: string; source: string };
type Props = { open: boolean; editing: CalendarEntry | null; onClose: () => void; onSaved: (date: string) => void };

const KINDS: readonly CalendarDayKind[] = ['holiday', 'makeupWorkday'];

/** Adds a day to the calendar, or changes one (its date stays: remove it and add another to move it). */
export function CalendarDayModal({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      setCalendarDay(v.date, {
        kind: v.kind,
        festival: { zh: v.festivalZh.trim(), en: v.festivalEn.trim() },
        source: v.source.trim(),
      }),
    onSuccess: async (_, v) => {
      await queryClient.invalidateQueries({ queryKey: ['fetchCalendar'] });
      onSaved(v.date);
    },
  });

  // The form mounts afresh each time the modal opens (destroyOnHidden), so it starts from these.
  const initialValues: Partial<Values> = editing
    ? {
        date: editing.date,
        kind: editing.kind,
        festivalZh: editing.festival.zh,
        festivalEn: editing.festival.en,
        source: editing.source,
      }
    : { kind: 'holiday' };

  const required = (key: 'dateRequired' | 'festivalRequired' | 'sourceRequired') => [
    { required: true, whitespace: true, message: t(`calendar.${key}`) },
  ];

  return (
    <Modal
      open={open}
      title={editing ? t('calendar.editTitle', { date: editing.date }) : t('calendar.addTitle')}
      onCancel={onClose}
      afterClose={() => save.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="calendar-save"
          >
            {t('calendar.save')}
          </Button>
        </>
      }
      data-testid="calendar-modal"
    >
      <ApiErrorAlert error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={initialValues}>
        <Form.Item name="date" label={t('calendar.date')} rules={required('dateRequired')} {...dateFieldProps}>
          <DatePicker style={{ width: '100%' }} disabled={editing !== null} data-testid="calendar-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} extra={t('calendar.kindHint')}>
          <Radio.Group
            optionType="button"
            options={KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
            data-testid="calendar-kind"
          />
        </Form.Item>
        <Form.Item name="festivalZh" label={t('calendar.festivalZh')} rules={required('festivalRequired')}>
          <Input maxLength={30} placeholder={t('calendar.festivalZhPlaceholder')} data-testid="calendar-festival-zh" />
        </Form.Item>
        <Form.Item name="festivalEn" label={t('calendar.festivalEn')} rules={required('festivalRequired')}>
          <Input maxLength={60} placeholder={t('calendar.festivalEnPlaceholder')} data-testid="calendar-festival-en" />
        </Form.Item>
        <Form.Item name="source" label={t('calendar.source')} rules={required('sourceRequired')}>
          <Input maxLength={200} placeholder={t('calendar.sourcePlaceholder')} data-testid="calendar-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
