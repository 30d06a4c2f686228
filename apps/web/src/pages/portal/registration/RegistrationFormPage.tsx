import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fetchRegistrationPrefill, submitRegistration } from '../../../api/portalRegistration';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { chinaDateOf } from '../../../lib/portalDomain';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { portalFieldError } from '../form/bilingual';
import { CommitmentField } from '../form/CommitmentField';
import { ParentSection } from '../form/ParentFields';
import { RegionPicker } from '../form/RegionPicker';
import { SubmitErrors } from '../form/SubmitErrors';
import { useFormErrors } from '../form/useFormErrors';
import { PortalPage } from '../PortalPage';
import { ChildFields } from './ChildFields';
import { ParityNote } from './ParityNote';
import {
  REGISTRATION_FIELDS,
  checkRegistration,
  initialValues,
  locateRegistrationField,
  registryParentsOf,
  toRegistrationBody,
  withFather,
  type RegistrationValues,
} from './registrationForm';

/** 生育登记 by commitment: the registry's parents filled in, parity shown, the rest declared. */
export function RegistrationFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const prefill = useQuery({
    queryKey: ['portal', 'fetchRegistrationPrefill'],
    queryFn: ({ signal }) => fetchRegistrationPrefill(signal),
    placeholderData: keepPreviousData,
  });
  const [form] = Form.useForm<RegistrationValues>();
  const errors = useFormErrors(form, REGISTRATION_FIELDS, locateRegistrationField);
  const registry = registryParentsOf(prefill.data);
  const registration = useMutation({
    mutationFn: (values: RegistrationValues) => submitRegistration(toRegistrationBody(values, registry, statement)),
    onSuccess: (created) => {
      void message.success(t('portal.registration.submitted', { no: created.registrationNo }));
      void navigate(`/m/registrations/${created.id}`, { replace: true });
    },
    onError: (e) => errors.onServerError(e),
  });
  const error = registration.error;
  const saving = registration.isPending;
  const today = chinaDateOf(new Date());
  const statement = t('portal.registration.statement');
  const married = Form.useWatch('married', form);
  const status = Form.useWatch('childStatus', form);
  const father = Form.useWatch('withFather', form);

  const check = (v: RegistrationValues) => [
    ...checkRegistration(v, registry, statement, today),
    ...(v.childStatus === 'born' && !v.child?.sex ? [portalFieldError('child.sex', 'portal.form.sexRequired')] : []),
  ];

  function submit() {
    registration.reset();
    const values = form.getFieldsValue(true) as RegistrationValues;
    if (errors.onSubmit(check(values))) registration.mutate(values);
  }

  if (prefill.isFetching && !prefill.data) return <PageLoading />;
  const p = prefill.data;
  return (
    <PortalPage title={t('portal.registration.name')} back="/m" testId="portal-registration-form">
      <ApiErrorAlert error={prefill.error} onRetry={prefill.refetch} />
      {p && (
        <Form<RegistrationValues>
          form={form}
          layout="vertical"
          initialValues={initialValues(p)}
          onValuesChange={(_, all) => {
            if (registration.isError) registration.reset();
            errors.onChange(check(all));
          }}
          scrollToFirstError
        >
          <ParityNote prefill={p} />
          <ParentSection role="mother" fromRegistry={registry.mother} />
          <Card size="small" className="portal-card">
            <Form.Item
              name="married"
              label={t('portal.registration.married')}
              style={{ marginBottom: married ? 0 : undefined }}
            >
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="portal-married">
                <Radio.Button value={true}>{t('portal.registration.marriedYes')}</Radio.Button>
                <Radio.Button value={false} data-testid="portal-married-no">
                  {t('portal.registration.marriedNo')}
                </Radio.Button>
              </Radio.Group>
            </Form.Item>
            {!married && (
              <Form.Item
                name="withFather"
                valuePropName="checked"
                label={t('portal.registration.withFather')}
                extra={t('portal.registration.withFatherHint')}
                style={{ marginBottom: 0 }}
              >
                <Switch data-testid="portal-with-father" />
              </Form.Item>
            )}
          </Card>
          {withFather({ married, withFather: father }) && (
            <ParentSection role="father" fromRegistry={registry.father} />
          )}
          <ChildFields status={status} today={today} />
          <Card size="small" className="portal-card">
            <Form.Item
              name="residenceRegionCode"
              label={t('portal.registration.residence')}
              extra={t('portal.registration.residenceHint')}
              style={{ marginBottom: 0 }}
            >
              <RegionPicker initialLabel={p.residenceRegion} testId="portal-residence" />
            </Form.Item>
          </Card>
          <CommitmentField statement={statement} />
          <SubmitErrors error={error} general={errors.general} />
          <Button
            type="primary"
            block
            icon={<SendOutlined />}
            loading={saving}
            onClick={() => submit()}
            data-testid="portal-registration-submit"
          >
            {t('portal.registration.submit')}
          </Button>
        </Form>
      )}
    </PortalPage>
  );
}
