import type { BatchView, RosterRow } from '@cradle/contract';
import { Alert, Button, Form, Input, Modal, Radio } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordObjection } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

type Props = {
  batchId: number;
  row: RosterRow | null;
  onClose: () => void;
  onRecorded: (next: BatchView) => void;
};
type Values = { reason: string; upheld: boolean };

/** 公示异议 on one row: its reason and finding; upheld, the row leaves the batch. */
export function ObjectionModal({ batchId, row, onClose, onRecorded }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useMutation({
    mutationFn: (v: Values) =>
      recordObjection(batchId, { paymentId: row!.paymentId, reason: v.reason.trim(), upheld: v.upheld }),
    onSuccess: onRecorded,
  });

  return (
    <Modal
      open={row !== null}
      title={t('benefits.roster.objectTitle', { name: row?.name ?? '' })}
      onCancel={onClose}
      afterClose={() => record.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={record.isPending}
            onClick={() => form.submit()}
            data-testid="objection-confirm"
          >
            {t('benefits.roster.object')}
          </Button>
        </>
      }
    >
      <Alert type="info" showIcon title={t('benefits.roster.objectHint')} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={record.error} />
      <Form<Values> form={form} layout="vertical" initialValues={{ upheld: false }} onFinish={(v) => record.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('benefits.review.reason')}
          rules={[{ required: true, whitespace: true, message: t('benefits.review.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="objection-reason" />
        </Form.Item>
        <Form.Item name="upheld" label={t('benefits.roster.outcome')}>
          <Radio.Group data-testid="objection-upheld">
            <Radio value={false}>{t('benefits.roster.dismissed')}</Radio>
            <Radio value={true}>{t('benefits.roster.upheld')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
