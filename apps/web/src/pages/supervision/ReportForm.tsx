import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { EvidenceView, KeyTaskDetail, ProgressReportBody } from '@cradle/contract';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitProgress, uploadEvidence } from '../../api/supervision';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

type Values = Omit<ProgressReportBody, 'evidenceIds' | 'figures' | 'completes'> &
  Partial<Pick<ProgressReportBody, 'figures' | 'completes'>>;

/** A liaison's progress report on one of its units' tasks, with figures and evidence files. */
export function ReportForm(props: {
  taskId: number;
  units: { id: number; name: string }[];
  onDone: (d: KeyTaskDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [evidence, setEvidence] = useState<EvidenceView[]>([]);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      submitProgress(props.taskId, {
        ...v,
        figures: v.figures ?? [],
        completes: !!v.completes,
        evidenceIds: evidence.map((e) => e.id),
      }),
    onSuccess: (d) => {
      void message.success(t('supervision.report.submitted'));
      form.resetFields();
      setEvidence([]);
      props.onDone(d);
    },
  });
  return (
    <Card title={t('supervision.report.title')} data-testid="kt-report-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          unitId: props.units[0]?.id,
          period: String(new Date().getFullYear()),
          figures: [],
          completes: false,
        }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Space wrap>
          <Form.Item name="unitId" label={t('supervision.report.unit')} rules={[{ required: true }]}>
            <Select style={{ width: 220 }} options={props.units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('supervision.report.period')}
            extra={t('supervision.report.periodHint')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 160 }} data-testid="kt-report-period" />
          </Form.Item>
        </Space>
        <Form.Item name="text" label={t('supervision.report.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="kt-report-text" />
        </Form.Item>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <Form.Item label={t('supervision.report.figures')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true }]}>
                    <Input placeholder={t('supervision.report.figureLabel')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} rules={[{ required: true, pattern: /^-?\d{1,12}(\.\d{1,4})?$/ }]}>
                    <Input placeholder={t('supervision.report.figureValue')} style={{ width: 120 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', value: '' })}>
                {t('supervision.report.addFigure')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label={t('supervision.report.evidence')}>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            showUploadList={false}
            customRequest={({ file }) => {
              void uploadEvidence(file as File).then(
                (d) => setEvidence((list) => [...list, d]),
                (e: unknown) => void message.error(isApiError(e) ? e.message : String(e)),
              );
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="kt-report-upload">
              {t('supervision.report.upload')}
            </Button>
          </Upload>
          <ul data-testid="kt-report-evidence">
            {evidence.map((d) => (
              <li key={d.id}>{d.fileName}</li>
            ))}
          </ul>
        </Form.Item>
        <Form.Item name="completes" valuePropName="checked">
          <Checkbox data-testid="kt-report-completes">{t('supervision.report.completes')}</Checkbox>
        </Form.Item>
        <ApiErrorAlert error={submit.error} />
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="kt-report-submit">
          {t('supervision.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}
