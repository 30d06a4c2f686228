import type { SupervisionView } from '@cradle/contract';
import { App, DatePicker, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { recordInspection } from '../../api/childcareSupervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import {
  CHECKLISTS,
  checklistOf,
  inspectionAreaLabel,
  supervisionReachOf,
  type InspectionArea,
} from '../../lib/domain';
import { useWord } from './supervisionWords';

interface Row {
  result?: 'pass' | 'fail';
  note?: string;
  dueOn?: Dayjs;
}
interface Values {
  area: InspectionArea;
  inspectedOn: Dayjs;
  reinspectionOf?: number;
  items?: Partial<Record<string, Row>>;
}

/** An inspection by checklist (000 二(三); 001 m12): every item passes or fails; a failed one opens a rectification. */
export function InspectionModal(props: {
  view: SupervisionView;
  onClose: () => void;
  onDone: (v: SupervisionView) => void;
}) {
  const { t } = useTranslation();
  const word = useWord();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // An inspecting department is offered its own areas only (area-owners.ts; the server refuses others).
  const own = supervisionReachOf(useMe())?.areas ?? null;
  const offered = own ? CHECKLISTS.filter((a) => own.includes(a.code)) : CHECKLISTS;
  // Fire first (the Done-when inspection) when offered, as the form always opened.
  const first = offered.some((a) => a.code === 'fire') ? 'fire' : (offered[0]?.code ?? 'fire');
  const area = (Form.useWatch('area', form) as InspectionArea | undefined) ?? first;
  const items: NonNullable<Values['items']> = Form.useWatch<Values['items']>('items', form) ?? {};
  const send = useMutation({
    mutationFn: (v: Values) =>
      recordInspection({
        institutionId: props.view.institutionId,
        area: v.area,
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        ...(v.reinspectionOf ? { reinspectionOf: v.reinspectionOf } : {}),
        findings: checklistOf(v.area).items.map((i) => {
          const row = v.items?.[i.code] ?? {};
          const result = row.result ?? 'pass';
          return result === 'pass'
            ? { item: i.code, result }
            : {
                item: i.code,
                result,
                note: row.note ?? '',
                ...(row.dueOn ? { dueOn: row.dueOn.format('YYYY-MM-DD') } : {}),
              };
        }),
      }),
    onSuccess: (v) => {
      void message.success(t('childcareSupervision.inspect.done'));
      props.onDone(v);
    },
  });
  // A re-inspection checks an earlier failed inspection of the same area with items still open.
  const earlier = props.view.inspections.filter(
    (n) => n.area === area && props.view.rectifications.some((r) => r.inspectionId === n.id && r.state !== 'closed'),
  );
  return (
    <Modal
      open
      width={760}
      title={t('childcareSupervision.inspect.title')}
      okText={t('childcareSupervision.actions.inspect')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
    >
      <ApiErrorAlert error={send.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ area: first, inspectedOn: dayjs() }}
        onFinish={(v) => send.mutate(v)}
      >
        <Flex gap={12} wrap>
          <Form.Item name="area" label={t('childcareSupervision.inspect.area')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              data-testid="ccs-area"
              onChange={() => form.setFieldsValue({ reinspectionOf: undefined })}
              options={offered.map((a) => ({ value: a.code, label: word(inspectionAreaLabel(a.code)) }))}
            />
          </Form.Item>
          <Form.Item
            name="inspectedOn"
            label={t('childcareSupervision.fields.inspectedOn')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="reinspectionOf" label={t('childcareSupervision.inspect.reinspectionOf')}>
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('childcareSupervision.inspect.notReinspection')}
              options={earlier.map((n) => ({
                value: n.id,
                label: `${n.inspectedOn} ${word(inspectionAreaLabel(n.area))}`,
              }))}
            />
          </Form.Item>
        </Flex>
        <Typography.Text type="secondary">{t('childcareSupervision.inspect.failHint')}</Typography.Text>
        {checklistOf(area).items.map((i) => (
          <Flex key={`${area}-${i.code}`} vertical style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
            <Flex gap={12} align="center" justify="space-between">
              <span>{word(i.label)}</span>
              <Form.Item name={['items', i.code, 'result']} initialValue="pass" noStyle>
                <Radio.Group data-testid={`ccs-item-${i.code}`}>
                  <Radio value="pass">{t('childcareSupervision.pass')}</Radio>
                  <Radio value="fail">{t('childcareSupervision.fail')}</Radio>
                </Radio.Group>
              </Form.Item>
            </Flex>
            {items[i.code]?.result === 'fail' && (
              <Flex gap={12}>
                <Form.Item
                  name={['items', i.code, 'note']}
                  label={t('childcareSupervision.inspect.requirement')}
                  rules={[{ required: true }]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={500} data-testid={`ccs-note-${i.code}`} />
                </Form.Item>
                <Form.Item
                  name={['items', i.code, 'dueOn']}
                  label={t('childcareSupervision.inspect.dueOn')}
                  rules={[{ required: true }]}
                >
                  <DatePicker data-testid={`ccs-due-input-${i.code}`} />
                </Form.Item>
              </Flex>
            )}
          </Flex>
        ))}
      </Form>
    </Modal>
  );
}
