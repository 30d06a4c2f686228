import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
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
  const codeRequest = useMutation({
    mutationFn: requestSignInCode,
    onSuccess: () => {
      countdown.start(RESEND_SECONDS);
      void message.success(t('portal.signIn.codeSent'));
    },
  });
  // Signed in, SignInRoute moves on to where sign-in was asked for.
  const signingIn = useMutation({
    mutationFn: ({ phone, code }: { phone: string; code: string }) => signIn(phone, code),
    onError: () => form.setFieldValue('code', ''),
  });
  // One alert for both steps: starting either clears what the other left.
  const error = codeRequest.error ?? signingIn.error;
  const sending = codeRequest.isPending;
  const submitting = signingIn.isPending;

  const phoneRule = {
    validator: (_: unknown, value: string | undefined) =>
      normalizePortalPhone(value ?? '')
        ? Promise.resolve()
        : Promise.reject(new Error(t('portal.signIn.phoneInvalid'))),
  };

  async function sendCode() {
    codeRequest.reset();
    signingIn.reset();
    let phone: string;
    try {
      phone = normalizePortalPhone((await form.validateFields(['phone'])).phone) ?? '';
    } catch {
      return; // the field shows why
    }
    codeRequest.mutate(phone);
  }

  function submit(values: Values) {
    codeRequest.reset();
    signingIn.reset();
    signingIn.mutate({ phone: normalizePortalPhone(values.phone) ?? values.phone, code: values.code.trim() });
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
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
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
      {/* 信息公示 needs no sign-in (issue 14). */}
      <Link to="/m/childcare" data-testid="portal-childcare-link">
        {t('childcare.public.link')}
      </Link>
    </PortalPage>
  );
}
