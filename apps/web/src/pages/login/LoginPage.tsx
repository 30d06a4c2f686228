import { useMutation } from '@tanstack/react-query';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { DemoBanner } from '../../components/DemoBanner';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { Logo } from '../../layout/Logo';
import { useAuth } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';
import { useSystemInfo } from '../../lib/useSystemInfo';
import { classifyLoginError } from './loginFailure';

type LoginForm = { username: string; password: string; totp?: string };
type Failure = { severity: 'error' | 'warning'; title: string; message: string };

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const info = useSystemInfo();
  const errorText = useErrorText();
  const [form] = Form.useForm<LoginForm>();
  const [needTotp, setNeedTotp] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const signIn = useMutation({
    mutationFn: (values: LoginForm) =>
      login({
        username: values.username.trim(),
        password: values.password,
        ...(needTotp ? { totp: values.totp } : {}),
      }),
    onMutate: () => setFailure(null),
    onSuccess: () => void navigate(redirectTarget(location.state), { replace: true }),
    onError: (e) => {
      const outcome = classifyLoginError(e);
      if (outcome.kind === 'needTotp') {
        setNeedTotp(true);
      } else {
        if (outcome.clearTotp) form.setFieldValue('totp', '');
        setFailure({ severity: outcome.severity, title: t(outcome.titleKey), message: errorText(e) });
      }
    },
  });
  const submitting = signIn.isPending;
  const submit = (values: LoginForm) => signIn.mutate(values);

  return (
    <div className="login-page">
      <div style={{ position: 'fixed', top: 16, right: 24 }}>
        <LanguageSwitch type="default" />
      </div>
      <Card style={{ width: 420, maxWidth: '100%', boxShadow: '0 8px 32px rgba(22, 119, 255, 0.12)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <Logo />
          <Typography.Title level={4} style={{ margin: '12px 0 0', textAlign: 'center' }}>
            {t('app.name')}
          </Typography.Title>
          {info && <Typography.Text type="secondary">{t('login.scope', { name: info.scope.name })}</Typography.Text>}
        </Flex>
        <DemoBanner />
        {failure && (
          <Alert
            type={failure.severity}
            showIcon
            title={failure.title}
            description={failure.message}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => submit(v)}
          onValuesChange={(changed: Partial<LoginForm>) => {
            // A different account may not need (or may need) a second factor.
            if ('username' in changed) setNeedTotp(false);
          }}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {needTotp && (
            <Form.Item
              name="totp"
              label={
                <span>
                  <SafetyOutlined /> {t('login.totp')}
                </span>
              }
              extra={t('login.totpHint')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}
            >
              <Input.OTP
                length={6}
                autoFocus
                inputMode="numeric"
                formatter={(v) => v.replace(/\D/g, '')}
                data-testid="login-totp"
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
