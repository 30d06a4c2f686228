import type { StaffUser } from '@cradle/contract';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { resetPassword, resetTwoFactor } from '../../api/users';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

export type ResetKind = 'password' | 'twoFactor';
type Props = { kind: ResetKind; user: StaffUser | null; open: boolean; onClose: () => void };

/**
 * 重置密码 / 重置两步验证: the administrator confirms with their own fresh code, then sees the
 * one-time password or the new secret once, with a copy button; closing the modal forgets it.
 */
export function ResetModal({ kind, user, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ totp: string }>();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: async ({ id, totp }: { id: number; totp: string }) =>
      kind === 'password' ? { password: await resetPassword(id, totp) } : { twoFactor: await resetTwoFactor(id, totp) },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['fetchUsers'] }),
  });
  const close = () => {
    reset.reset();
    onClose();
  };
  const done = reset.data;
  const title = t(kind === 'password' ? 'users.resetPassword' : 'users.resetTwoFactor');
  return (
    <Modal
      open={open}
      title={user ? `${title}：${user.displayName}（${user.username}）` : title}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        done ? (
          <Button type="primary" onClick={close} data-testid="reset-done">
            {t('users.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger
              loading={reset.isPending}
              onClick={() => form.submit()}
              data-testid="reset-confirm"
            >
              {t('users.confirm')}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <>
          <Alert type="warning" showIcon title={t('users.shownOnce')} style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            {done.password && (
              <Descriptions.Item label={t('users.temporaryPassword')}>
                <Typography.Text code copyable data-testid="temporary-password">
                  {done.password.temporaryPassword}
                </Typography.Text>
              </Descriptions.Item>
            )}
            {done.twoFactor && (
              <>
                <Descriptions.Item label={t('users.totpSecret')}>
                  <Typography.Text code copyable data-testid="totp-secret">
                    {done.twoFactor.secret}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('users.otpauthUri')}>
                  <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                    {done.twoFactor.otpauthUri}
                  </Typography.Text>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t(kind === 'password' ? 'users.passwordHandOver' : 'users.twoFactorHandOver')}
          </Typography.Paragraph>
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => user && reset.mutate({ id: user.id, totp: v.totp.trim() })}
        >
          <Typography.Paragraph>
            {t(kind === 'password' ? 'users.confirmPassword' : 'users.confirmTwoFactor')}
          </Typography.Paragraph>
          <ApiErrorAlert error={reset.error} />
          <Form.Item
            name="totp"
            label={t('users.yourCode')}
            extra={t('users.yourCodeHint')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('users.codeInvalid') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} data-testid="reset-totp" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
