import { useMutation } from '@tanstack/react-query';
import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useErrorText } from '../../../lib/errors';
import { useResident, useResidentMe } from '../../../lib/portalAuth';
import { parseIdNumber, pick } from '../../../lib/portalDomain';
import { useLang } from '../../../lib/useLang';
import { PortalPage } from '../PortalPage';

type Values = { name: string; idNumber: string };

/** 实名关联: links the account to the registry person who has this phone on record. */
export function BindingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const me = useResidentMe();
  const { bind } = useResident();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const binding = useMutation({
    mutationFn: (values: Values) => bind(values.name.trim(), values.idNumber.trim()),
    onSuccess: () => {
      void message.success(t('portal.binding.done'));
      void navigate('/m', { replace: true });
    },
  });
  const error = binding.error;
  const saving = binding.isPending;

  if (me.resident.bound) return <Navigate to="/m" replace />;

  const idRule = {
    validator: (_: unknown, value: string | undefined) => {
      const parsed = parseIdNumber(value ?? '');
      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(pick(parsed.message, lang)));
    },
  };

  const submit = (values: Values) => binding.mutate(values);

  const mismatch = isApiError(error) && error.code === 'portal.bindingMismatch';
  return (
    <PortalPage title={t('portal.binding.title')} back="/m" testId="portal-binding">
      <Card className="portal-card">
        <Typography.Paragraph>{t('portal.binding.intro')}</Typography.Paragraph>
        {mismatch ? (
          <Alert
            type="warning"
            showIcon
            title={errorText(error)}
            description={t('portal.binding.mismatchHelp')}
            style={{ marginBottom: 16 }}
            data-testid="portal-binding-mismatch"
          />
        ) : (
          error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorText(error)}
              style={{ marginBottom: 16 }}
              data-testid="portal-binding-error"
            />
          )
        )}
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => submit(v)}
          onValuesChange={() => binding.isError && binding.reset()}
        >
          <Form.Item
            name="name"
            label={t('portal.binding.name')}
            rules={[{ required: true, whitespace: true, message: t('portal.binding.nameRequired') }]}
          >
            <Input prefix={<UserOutlined />} maxLength={50} autoComplete="name" data-testid="portal-binding-name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('portal.binding.idNumber')} rules={[idRule]} validateTrigger="onBlur">
            <Input
              prefix={<IdcardOutlined />}
              maxLength={18}
              autoComplete="off"
              className="mono"
              data-testid="portal-binding-id"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={saving} data-testid="portal-binding-submit">
            {t('portal.binding.submit')}
          </Button>
        </Form>
      </Card>
      <Button block onClick={() => void navigate('/m')} data-testid="portal-binding-skip">
        {t('portal.binding.skip')}
      </Button>
      <Typography.Paragraph type="secondary" className="portal-muted" style={{ marginTop: 12 }}>
        {t('portal.binding.skipHelp')}
      </Typography.Paragraph>
    </PortalPage>
  );
}
