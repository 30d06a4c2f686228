import type { ApplicationDetail } from '@cradle/contract';
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { submitApplication } from '../../api/applications';
import { fetchSchemes } from '../../api/benefits';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { pick } from '../../lib/domain';
import { optionalLabel } from '../../lib/optionalLabel';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import {
  SPECIAL_FAMILY_STATUSES,
  factKeysOf,
  toApplicationRequest,
  type ApplyFormValues as FormValues,
} from './applicationForm';
import { isFieldProblems } from './draftForm';
import { schemeName } from './schemeLabels';

type Props = {
  personId: number;
  personName: string;
  open: boolean;
  onClose: () => void;
  onSubmitted: (application: ApplicationDetail) => void;
};

/** 申请补贴: a caseworker applies for a person under a scheme that is not proactive. */
export function ApplyModal({ personId, personName, open, onClose, onSubmitted }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const schemes = useQuery({
    queryKey: ['fetchSchemes'],
    queryFn: ({ signal }) => fetchSchemes(signal),
    placeholderData: keepPreviousData,
  });
  const apply = useMutation({
    mutationFn: (values: FormValues) => submitApplication(toApplicationRequest(personId, values)),
    onSuccess: (created) => {
      void message.success(t('benefits.apply.submitted', { id: created.id }));
      form.resetFields();
      onSubmitted(created);
    },
  });
  const error = apply.error;
  const saving = apply.isPending;
  // The server's declarations it refused, each named in the user's language.
  const problems =
    isApiError(error) && isFieldProblems(error.details)
      ? error.details.map((d) =>
          t('benefits.apply.problem', {
            field: optionalLabel('benefits.facts', d.field.replace(/^facts\./, '')),
            message: pick(d.message, lang),
          }),
        )
      : [];
  const code = Form.useWatch('scheme', form);
  const factKeys = factKeysOf(code);
  const options = (schemes.data ?? [])
    .filter((s) => !s.proactive)
    .map((s) => ({ value: s.code, label: schemeName(s.name, lang) }));

  const submit = (values: FormValues) => apply.mutate(values);

  return (
    <Modal
      open={open}
      title={t('benefits.apply.title', { name: personName })}
      onCancel={onClose}
      afterClose={() => apply.reset()}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={saving}
            disabled={options.length === 0}
            onClick={() => form.submit()}
            data-testid="apply-submit"
          >
            {t('benefits.apply.submit')}
          </Button>
        </>
      }
      destroyOnHidden
      mask={{ closable: false }}
    >
      <div data-testid="apply-modal">
        <Typography.Paragraph type="secondary">{t('benefits.apply.hint')}</Typography.Paragraph>
        <ApiErrorAlert error={schemes.error} onRetry={schemes.refetch} />
        {!schemes.isFetching && !schemes.error && options.length === 0 && (
          <Alert type="info" showIcon title={t('benefits.apply.noSchemes')} style={{ marginBottom: 16 }} />
        )}
        <div data-testid="apply-error">
          <ApiErrorAlert error={error} />
        </div>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="apply-problems"
            title={problems.map((text, i) => (
              <div key={i}>{text}</div>
            ))}
          />
        )}
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => submit(v)}
          requiredMark="optional"
          onValuesChange={() => apply.isError && apply.reset()}
        >
          <Form.Item
            name="scheme"
            label={t('benefits.apply.scheme')}
            rules={[{ required: true, message: t('benefits.apply.schemeRequired') }]}
          >
            <Select
              placeholder={t('benefits.eligibility.pickScheme')}
              loading={schemes.isFetching}
              options={options}
              data-testid="apply-scheme"
            />
          </Form.Item>
          {code && (
            <Form.Item
              label={t('benefits.apply.declarations')}
              required={false}
              style={{ marginBottom: factKeys.length > 0 ? 8 : 24 }}
            >
              {factKeys.length === 0 && (
                <Typography.Text type="secondary">{t('benefits.apply.noDeclarations')}</Typography.Text>
              )}
            </Form.Item>
          )}
          {factKeys.map((key) =>
            key === 'specialFamilyStatus' ? (
              <Form.Item
                key={key}
                name={['facts', key]}
                label={optionalLabel('benefits.facts', key)}
                rules={[{ required: true, message: t('benefits.apply.specialFamilyRequired') }]}
              >
                <Select
                  options={SPECIAL_FAMILY_STATUSES.map((s) => ({ value: s, label: t(`benefits.amountKeys.${s}`) }))}
                  data-testid={`apply-fact-${key}`}
                />
              </Form.Item>
            ) : (
              <Form.Item key={key} name={['facts', key]} valuePropName="checked" extra={t('benefits.apply.declare')}>
                <Checkbox data-testid={`apply-fact-${key}`}>{optionalLabel('benefits.facts', key)}</Checkbox>
              </Form.Item>
            ),
          )}
          <Form.Item name="applicantName" label={t('benefits.apply.applicantName')}>
            <Input
              maxLength={50}
              placeholder={t('benefits.apply.applicantNamePlaceholder')}
              data-testid="apply-applicant"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
