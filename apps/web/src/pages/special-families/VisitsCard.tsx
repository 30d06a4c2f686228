import { App, Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordVisit } from '../../api/specialFamilies';
import { useMe } from '../../lib/auth';
import { VISIT_KINDS } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { type File, mayRecord, useFileRefresh } from './useFileRefresh';

/** Visits: planned one interval apart, recorded by a contact or the township; overdue ones marked. */
export function VisitsCard({ file }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useFileRefresh(file.id);
  const [form] = Form.useForm<{ visitDate: Dayjs; kind: (typeof VISIT_KINDS)[number]; note?: string }>();
  const save = useMutation({
    mutationFn: (v: { visitDate: Dayjs; kind: (typeof VISIT_KINDS)[number]; note?: string }) =>
      recordVisit(file.id, { visitDate: v.visitDate.format('YYYY-MM-DD'), kind: v.kind, note: v.note?.trim() || null }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.visitRecorded'));
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error({ content: errorText(e), className: 'special-family-error' }),
  });
  const required = [{ required: true, message: t('specialFamilies.propose.required') }];
  return (
    <Card title={t('specialFamilies.detail.visits')}>
      {mayRecord(me.roles) && file.status === 'confirmed' && (
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="visitDate" rules={required}>
            <DatePicker
              placeholder={t('specialFamilies.detail.visitDate')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item name="kind" rules={required}>
            <Select
              style={{ width: 170 }}
              placeholder={t('specialFamilies.detail.visitKind')}
              options={VISIT_KINDS.map((k) => ({ value: k, label: t(`visitKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input maxLength={1000} placeholder={t('specialFamilies.detail.visitNote')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('specialFamilies.detail.recordVisit')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.visits}
        columns={[
          { title: t('specialFamilies.detail.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('specialFamilies.detail.visitDate'),
            dataIndex: 'visitDate',
            render: (v: string | null, r) =>
              v ??
              (r.overdue ? <Tag color="red">{t('specialFamilies.overdue')}</Tag> : t('specialFamilies.detail.planned')),
          },
          {
            title: t('specialFamilies.detail.visitKind'),
            dataIndex: 'kind',
            render: (k: File['visits'][number]['kind']) => (k ? t(`visitKinds.${k}`) : t('common.none')),
          },
          {
            title: t('specialFamilies.detail.visitNote'),
            dataIndex: 'note',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('specialFamilies.detail.recordedBy'),
            dataIndex: 'recordedByName',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
    </Card>
  );
}
