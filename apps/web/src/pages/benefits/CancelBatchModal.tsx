import type { BatchView } from '@cradle/contract';
import { StopOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cancelBatch } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

type Props = { batchId: number; open: boolean; onClose: () => void; onCancelled: (next: BatchView) => void };

/** 作废 a batch not yet exported: a reason is required, and its people are payable again later. */
export function CancelBatchModal({ batchId, open, onClose, onCancelled }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useMutation({
    mutationFn: ({ reason }: { reason: string }) => cancelBatch(batchId, reason.trim()),
    onSuccess: onCancelled,
  });

  return (
    <Modal
      open={open}
      title={t('benefits.review.cancelTitle', { id: batchId })}
      onCancel={onClose}
      afterClose={() => cancel.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            danger
            type="primary"
            icon={<StopOutlined />}
            loading={cancel.isPending}
            onClick={() => form.submit()}
            data-testid="batch-cancel-confirm"
          >
            {t('benefits.review.cancel')}
          </Button>
        </>
      }
    >
      <Alert type="warning" showIcon title={t('benefits.review.cancelHint')} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={cancel.error} />
      <Form form={form} layout="vertical" onFinish={(v) => cancel.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('benefits.review.reason')}
          rules={[{ required: true, whitespace: true, message: t('benefits.review.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="batch-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
