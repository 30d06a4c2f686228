import { App, Button, Card, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordService } from '../../api/specialFamilies';
import { useMe } from '../../lib/auth';
import { SPECIAL_FAMILY_SERVICE_KINDS } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { type File, mayRecord, useFileRefresh } from './useFileRefresh';

/** Services received: family doctor contract, green channel, 暖心家园, placements (C4). */
export function ServicesCard({ file }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useFileRefresh(file.id);
  type V = { kind: (typeof SPECIAL_FAMILY_SERVICE_KINDS)[number]; serviceDate: Dayjs; detail?: string };
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: (v: V) =>
      recordService(file.id, {
        kind: v.kind,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        detail: v.detail?.trim() || null,
      }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.serviceRecorded'));
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const required = [{ required: true, message: t('specialFamilies.propose.required') }];
  return (
    <Card title={t('specialFamilies.detail.services')}>
      {mayRecord(me.roles) && file.status === 'confirmed' && (
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="kind" rules={required}>
            <Select
              style={{ width: 200 }}
              placeholder={t('specialFamilies.detail.serviceKind')}
              options={SPECIAL_FAMILY_SERVICE_KINDS.map((k) => ({ value: k, label: t(`specialFamilyServices.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="serviceDate" rules={required}>
            <DatePicker
              placeholder={t('specialFamilies.detail.serviceDate')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item name="detail">
            <Input maxLength={500} placeholder={t('specialFamilies.detail.serviceDetail')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('specialFamilies.detail.recordService')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.services}
        columns={[
          {
            title: t('specialFamilies.detail.serviceKind'),
            dataIndex: 'kind',
            render: (k: File['services'][number]['kind']) => t(`specialFamilyServices.${k}`),
          },
          { title: t('specialFamilies.detail.serviceDate'), dataIndex: 'serviceDate' },
          {
            title: t('specialFamilies.detail.serviceDetail'),
            dataIndex: 'detail',
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('specialFamilies.detail.recordedBy'), dataIndex: 'recordedByName' },
        ]}
      />
    </Card>
  );
}
