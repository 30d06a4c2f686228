import type { ApplicationDetail } from '@cradle/contract';
import { CloseOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rejectApplication } from '../../api/applications';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

type Props = {
  applicationId: number;
  open: boolean;
  onClose: () => void;
  onRejected: (next: ApplicationDetail) => void;
};

/** 驳回 needs a reason: the applicant sees it and may appeal once. */
export function RejectModal({ applicationId, open, onClose, onRejected }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useMutation({
    mutationFn: ({ reason }: { reason: string }) => rejectApplication(applicationId, reason.trim()),
    onSuccess: onRejected,
  });

  return (
    <Modal
      open={open}
      title={t('benefits.applications.rejectTitle', { id: applicationId })}
      onCancel={onClose}
      afterClose={() => reject.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            danger
            type="primary"
            icon={<CloseOutlined />}
            loading={reject.isPending}
            onClick={() => form.submit()}
            data-testid="reject-confirm"
          >
            {t('benefits.applications.action.reject')}
          </Button>
        </>
      }
    >
      <ApiErrorAlert error={reject.error} />
      <Form form={form} layout="vertical" onFinish={(v) => reject.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('benefits.applications.reason')}
          rules={[{ required: true, whitespace: true, message: t('benefits.applications.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            autoFocus
            placeholder={t('benefits.applications.reasonPlaceholder')}
            data-testid="reject-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
