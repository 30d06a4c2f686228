import type { TaskDetail } from '@cradle/contract';
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { returnTask } from '../../api/familyBundle';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { optionalLabel } from '../../lib/optionalLabel';
import { bundleServiceDefinition, HUKOU_IDENTITY_FIELDS, type BundleService } from './familyDomain';

type Values = { reason: string; fields: string[] };
type Props = {
  taskId: number;
  service: BundleService;
  hukouDone: boolean;
  open: boolean;
  onClose: () => void;
  onReturned: (next: TaskDetail) => void;
};

// The server's cap: the family reads the reason in an SMS.
const REASON_MAX = 200;

/** 退回补正: a reason for the family and the fields to fix, among those this service reads (formFields). */
export function ReturnModal({ taskId, service, hukouDone, open, onClose, onReturned }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useMutation({
    mutationFn: (v: Values) => returnTask(taskId, v.reason.trim(), v.fields),
    onSuccess: onReturned,
  });
  const fields = bundleServiceDefinition(service).formFields;
  // Once hukou is registered the newborn's and parents' identity follow the hukou record (the server refuses them too).
  const locked = (f: string) => hukouDone && (HUKOU_IDENTITY_FIELDS as readonly string[]).includes(f);

  return (
    <Modal
      open={open}
      title={t('family.return.title')}
      onCancel={onClose}
      afterClose={() => submit.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
      data-testid="return-modal"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            danger
            type="primary"
            icon={<RollbackOutlined />}
            loading={submit.isPending}
            onClick={() => form.submit()}
            data-testid="return-confirm"
          >
            {t('family.return.submit')}
          </Button>
        </>
      }
    >
      <Alert type="info" showIcon title={t('family.return.hint')} style={{ marginBottom: 16 }} />
      {hukouDone && fields.some(locked) && (
        <Alert
          type="warning"
          showIcon
          title={t('family.return.identityLocked')}
          style={{ marginBottom: 16 }}
          data-testid="return-identity-locked"
        />
      )}
      <ApiErrorAlert error={submit.error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('family.return.reason')}
          rules={[{ required: true, whitespace: true, message: t('family.return.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REASON_MAX}
            showCount
            autoFocus
            placeholder={t('family.return.reasonPlaceholder')}
            data-testid="return-reason"
          />
        </Form.Item>
        <Form.Item
          name="fields"
          label={t('family.return.fields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('family.return.fieldsRequired') }]}
        >
          <Checkbox.Group
            options={fields.map((f) => ({ value: f, label: optionalLabel('family.fields', f), disabled: locked(f) }))}
            data-testid="return-fields"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
