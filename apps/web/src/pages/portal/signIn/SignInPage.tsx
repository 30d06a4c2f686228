import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestSignInCode } from '../../../api/portal';
import { DemoBanner } from '../../../components/DemoBanner';
import { useErrorText } from '../../../lib/errors';
import { useResident } from '../../../lib/portalAuth';
import { normalizePortalPhone, SIGN_IN_CODE } from '../../../lib/portalPhone';
import { useSystemInfo } from '../../../lib/useSystemInfo';
import { PortalPage } from '../PortalPage';
import { useCountdown } from './useCountdown';

type Values = { phone: string; code: string };

/** The server allows one code a minute per number; the button waits as long. */
const RESEND_SECONDS = 60;

/** 掌上办 sign-in: mobile number and a one-time code. */
export function SignInPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { signIn } = useResident();
  const info = useSystemInfo();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const countdown = useCountdown();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const phoneRule = {
    validator: (_: unknown, value: string | undefined) =>
      normalizePortalPhone(value ?? '')
        ? Promise.resolve()
        : Promise.reject(new Error(t('portal.signIn.phoneInvalid'))),
  };

  async function sendCode() {
    setError(null);
    let phone: string;
    try {
      phone = normalizePortalPhone((await form.validateFields(['phone'])).phone) ?? '';
    } catch {
      return; // the field shows why
    }
    setSending(true);
    try {
      await requestSignInCode(phone);
      countdown.start(RESEND_SECONDS);
      void message.success(t('portal.signIn.codeSent'));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  async function submit(values: Values) {
    setError(null);
    setSubmitting(true);
    try {
      // Signed in, SignInRoute moves on to where sign-in was asked for.
      await signIn(normalizePortalPhone(values.phone) ?? values.phone, values.code.trim());
    } catch (e) {
      setError(e);
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PortalPage title={t('portal.name')} testId="portal-sign-in">
      <Card className="portal-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('portal.signIn.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.signIn.intro')}</Typography.Paragraph>
        <DemoBanner />
        {info?.demo && (
          <Alert
            type="info"
            showIcon
            title={t('portal.signIn.demoHint')}
            style={{ marginBottom: 16 }}
            data-testid="portal-demo-code-hint"
          />
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorText(error)}
            style={{ marginBottom: 16 }}
            data-testid="portal-sign-in-error"
          />
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="phone" label={t('portal.signIn.phone')} rules={[phoneRule]} validateTrigger="onBlur">
            <Input
              prefix={<MobileOutlined />}
              inputMode="tel"
              autoComplete="tel"
              maxLength={16}
              placeholder={t('portal.signIn.phonePlaceholder')}
              data-testid="portal-phone"
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('portal.signIn.code')}
            rules={[{ required: true, pattern: SIGN_IN_CODE, message: t('portal.signIn.codeRequired') }]}
          >
            <Input
              prefix={<LockOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={t('portal.signIn.codePlaceholder')}
              data-testid="portal-code"
              suffix={
                <Button
                  type="link"
                  onClick={() => void sendCode()}
                  loading={sending}
                  disabled={countdown.left > 0}
                  style={{ paddingInline: 4 }}
                  data-testid="portal-send-code"
                >
                  {countdown.left > 0
                    ? t('portal.signIn.resendIn', { seconds: countdown.left })
                    : t('portal.signIn.sendCode')}
                </Button>
              }
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="portal-sign-in-submit">
            {t('portal.signIn.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary" className="portal-muted">
        {t('portal.signIn.privacy')}
      </Typography.Paragraph>
    </PortalPage>
  );
}
