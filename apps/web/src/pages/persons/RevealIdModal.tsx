import { useMutation } from '@tanstack/react-query';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { revealIdNumber } from '../../api/registry';
import { useErrorText } from '../../lib/errors';

type Props = { personId: number; personName: string; open: boolean; onClose: () => void };

const MIN_REASON = 2;

/**
 * Shows the full ID number once a reason is given. The number lives only in this modal's
 * state, so closing the modal forgets it; the server records each reveal in the audit log.
 */
export function RevealIdModal({ personId, personName, open, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: ({ reason }: { reason: string }) => revealIdNumber(personId, reason.trim()),
  });
  // The full number lives only in this mutation's state, forgotten when the modal closes.
  const revealed = reveal.data ?? null;
  const error = reveal.error ? errorText(reveal.error) : null;

  function forget() {
    reveal.reset();
    form.resetFields();
  }

  const footer = revealed ? (
    <Button type="primary" onClick={onClose}>
      {t('common.close')}
    </Button>
  ) : (
    <>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={reveal.isPending} onClick={() => form.submit()} data-testid="reveal-confirm">
        {t('person.reveal.confirm')}
      </Button>
    </>
  );

  return (
    <Modal
      open={open}
      title={
        <span>
          <SafetyCertificateOutlined /> {t('person.reveal.title')} · {personName}
        </span>
      }
      onCancel={onClose}
      afterClose={forget}
      footer={footer}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {revealed ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('person.reveal.fullNumber')}
          </Typography.Paragraph>
          <Typography.Title level={3} className="mono" copyable style={{ marginTop: 0 }} data-testid="revealed-id">
            {revealed}
          </Typography.Title>
          <Alert type="warning" showIcon title={t('person.reveal.audited')} />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate(v)}>
          <Form.Item
            name="reason"
            label={t('person.reveal.reason')}
            rules={[
              { required: true, whitespace: true, message: t('person.reveal.reasonRequired') },
              {
                min: MIN_REASON,
                transform: (v: string | undefined) => v?.trim(),
                message: t('person.reveal.reasonTooShort'),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={200}
              showCount
              autoFocus
              placeholder={t('person.reveal.reasonPlaceholder')}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
