import type { RectificationView, SupervisionView } from '@cradle/contract';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { closeInEmergency, recordIncident, recordRating, reportRectification } from '../../api/childcareSupervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { INCIDENT_SEVERITIES, RATING_GRADES, incidentSeverityLabel, ratingGradeLabel } from '../../lib/domain';
import { useWord } from './supervisionWords';

interface Props {
  onClose: () => void;
  onDone: (v: SupervisionView) => void;
}
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** One modal form whose submit calls the server and hands the new supervision view back. */
function FormModal<V extends object>(props: {
  title: string;
  ok: string;
  done: string;
  initial?: Partial<V>;
  send: (v: V) => Promise<SupervisionView>;
  children: ReactNode;
  danger?: boolean;
  onClose: () => void;
  onDone: (v: SupervisionView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const m = useMutation({
    mutationFn: props.send,
    onSuccess: (v) => {
      void message.success(props.done);
      props.onDone(v);
    },
  });
  return (
    <Modal
      open
      width={640}
      title={props.title}
      okText={props.ok}
      okButtonProps={{ danger: props.danger ?? false }}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
    >
      <ApiErrorAlert error={m.error} />
      <Form<V> form={form} layout="vertical" initialValues={props.initial} onFinish={(v) => m.mutate(v)}>
        {props.children}
      </Form>
    </Modal>
  );
}

export function RatingModal({ id, ...p }: Props & { id: number }) {
  const { t } = useTranslation();
  const word = useWord();
  return (
    <FormModal<{ year: number; grade: (typeof RATING_GRADES)[number]; note?: string }>
      {...p}
      title={t('childcareSupervision.rate.title')}
      ok={t('childcareSupervision.actions.rate')}
      done={t('childcareSupervision.rate.done')}
      initial={{ year: dayjs().year() }}
      send={(v) =>
        recordRating({ institutionId: id, year: v.year, grade: v.grade, ...(v.note ? { note: v.note } : {}) })
      }
    >
      <Typography.Paragraph type="secondary">{t('childcareSupervision.rate.basis')}</Typography.Paragraph>
      <Flex gap={12}>
        <Form.Item name="year" label={t('childcareSupervision.fields.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="grade" label={t('childcareSupervision.fields.grade')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            data-testid="ccs-grade"
            options={RATING_GRADES.map((g) => ({ value: g, label: word(ratingGradeLabel(g)) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('childcareSupervision.fields.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function IncidentModal({ id, ...p }: Props & { id: number }) {
  const { t } = useTranslation();
  const word = useWord();
  type V = {
    occurredOn: Dayjs;
    severity: (typeof INCIDENT_SEVERITIES)[number];
    summary: string;
    injured: number;
    deaths: number;
  };
  return (
    <FormModal<V>
      {...p}
      title={t('childcareSupervision.incident.title')}
      ok={t('childcareSupervision.actions.incident')}
      done={t('childcareSupervision.incident.done')}
      initial={{ injured: 0, deaths: 0 }}
      send={(v) => recordIncident({ ...v, institutionId: id, occurredOn: day(v.occurredOn) })}
    >
      <Flex gap={12} wrap>
        <Form.Item name="occurredOn" label={t('childcareSupervision.fields.occurredOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="severity" label={t('childcareSupervision.fields.severity')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: word(incidentSeverityLabel(s)) }))}
          />
        </Form.Item>
        <Form.Item name="injured" label={t('childcareSupervision.fields.injured')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="deaths" label={t('childcareSupervision.fields.deaths')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
      </Flex>
      <Form.Item name="summary" label={t('childcareSupervision.fields.summary')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

type ClosureValues = {
  closedOn: Dayjs;
  reason: string;
  transferPlan: string;
  placements: { receivingName: string; children: number }[];
};

/** 机构关停 with 应急处置: the county closes at once and says where the children go. */
export function ClosureModal({ id, ...p }: Props & { id: number }) {
  const { t } = useTranslation();
  return (
    <FormModal<ClosureValues>
      {...p}
      danger
      title={t('childcareSupervision.close.title')}
      ok={t('childcareSupervision.actions.close')}
      done={t('childcareSupervision.close.done')}
      initial={{ closedOn: dayjs(), placements: [{ receivingName: '', children: 1 }] }}
      send={(v) => closeInEmergency(id, { ...v, closedOn: day(v.closedOn) })}
    >
      <Alert type="warning" showIcon title={t('childcareSupervision.close.warning')} style={{ marginBottom: 12 }} />
      <Form.Item name="closedOn" label={t('childcareSupervision.detail.closedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('childcareSupervision.detail.reason')} rules={[{ required: true }]}>
        <Input maxLength={500} data-testid="ccs-close-reason" />
      </Form.Item>
      <Form.Item name="transferPlan" label={t('childcareSupervision.detail.transferPlan')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="ccs-close-plan" />
      </Form.Item>
      <Form.List name="placements">
        {(fields, { add }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={12}>
                <Form.Item
                  name={[f.name, 'receivingName']}
                  label={t('childcareSupervision.close.receivingName')}
                  rules={[{ required: true }]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={100} data-testid={`ccs-place-name-${f.name}`} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'children']}
                  label={t('childcareSupervision.close.children')}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={1} max={1000} data-testid={`ccs-place-children-${f.name}`} />
                </Form.Item>
              </Flex>
            ))}
            <Button onClick={() => add({ receivingName: '', children: 1 })}>
              {t('childcareSupervision.close.addPlacement')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

export function ReportModal({ item, ...p }: Props & { item: RectificationView }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ note: string }>
      {...p}
      title={t('childcareSupervision.report.title')}
      ok={t('childcareSupervision.actions.report')}
      done={t('childcareSupervision.report.done')}
      send={(v) => reportRectification(item.id, v.note)}
    >
      <Typography.Paragraph>{item.requirement}</Typography.Paragraph>
      <Form.Item name="note" label={t('childcareSupervision.report.note')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="ccs-report-note" />
      </Form.Item>
    </FormModal>
  );
}
