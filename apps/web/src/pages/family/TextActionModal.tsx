import { Alert, Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

type Props<T> = {
  open: boolean;
  title: ReactNode;
  /** Shown above the text: why it is asked, what happens next. */
  hint?: ReactNode;
  label: string;
  placeholder?: string;
  required: boolean;
  requiredMessage: string;
  maxLength: number;
  okText: string;
  okIcon?: ReactNode;
  danger?: boolean;
  testId: string;
  submit: (text: string) => Promise<T>;
  onClose: () => void;
  onDone: (result: T) => void;
};

/** A modal asking for one text (a note, a message to the family, a reason), then one request with it. */
export function TextActionModal<T>({
  open,
  title,
  hint,
  label,
  placeholder,
  required,
  requiredMessage,
  maxLength,
  okText,
  okIcon,
  danger,
  testId,
  submit,
  onClose,
  onDone,
}: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text?: string }>();
  const run = useMutation({
    mutationFn: ({ text }: { text?: string }) => submit((text ?? '').trim()),
    onSuccess: onDone,
  });

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={() => run.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid={`${testId}-modal`}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={danger}
            icon={okIcon}
            loading={run.isPending}
            onClick={() => form.submit()}
            data-testid={`${testId}-confirm`}
          >
            {okText}
          </Button>
        </>
      }
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
      <div data-testid={`${testId}-error`}>
        <ApiErrorAlert error={run.error} />
      </div>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: requiredMessage }] : []}
        >
          <Input.TextArea
            rows={3}
            maxLength={maxLength}
            showCount
            autoFocus
            placeholder={placeholder}
            data-testid={`${testId}-text`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
