import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { submitBundle } from '../../../api/portalBundle';
import { fetchRegistrationPrefill } from '../../../api/portalRegistration';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { chinaDateOf } from '../../../lib/portalDomain';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ParentSection } from '../form/ParentFields';
import { RegionPicker } from '../form/RegionPicker';
import { SubmitErrors } from '../form/SubmitErrors';
import { useFormErrors } from '../form/useFormErrors';
import { PortalPage } from '../PortalPage';
import { registryParentsOf } from '../registration/registrationForm';
import {
  BUNDLE_FIELDS,
  checkBundle,
  initialBundleValues,
  locateBundleField,
  needsExistingCertificate,
  needsExistingNewbornId,
  toBundleBody,
  type BundleValues,
} from './bundleForm';
import { NewbornFields } from './NewbornFields';
import { ServicesField } from './ServicesField';

/** 出生一件事: one form after a birth, sent to each department whose service the family wants. */
export function BundleFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const prefill = useQuery({
    queryKey: ['portal', 'fetchRegistrationPrefill'],
    queryFn: ({ signal }) => fetchRegistrationPrefill(signal),
    placeholderData: keepPreviousData,
  });
  const [form] = Form.useForm<BundleValues>();
  const errors = useFormErrors(form, BUNDLE_FIELDS, locateBundleField);
  const registry = registryParentsOf(prefill.data);
  const submission = useMutation({
    mutationFn: (values: BundleValues) => submitBundle(toBundleBody(values, registry)),
    onSuccess: (created) => {
      void message.success(t('portal.bundle.submitted', { no: created.bundleNo }));
      void navigate(`/m/bundles/${created.id}`, { replace: true });
    },
    onError: (e) => errors.onServerError(e),
  });
  const error = submission.error;
  const saving = submission.isPending;
  const services = Form.useWatch('services', form);
  const withFather = Form.useWatch('withFather', form);

  function submit() {
    submission.reset();
    const values = form.getFieldsValue(true) as BundleValues;
    if (errors.onSubmit(checkBundle(values, registry, new Date()))) submission.mutate(values);
  }

  if (prefill.isFetching && !prefill.data) return <PageLoading />;
  const p = prefill.data;
  return (
    <PortalPage title={t('portal.bundle.name')} back="/m" testId="portal-bundle-form">
      <ApiErrorAlert error={prefill.error} onRetry={prefill.refetch} />
      {p && (
        <Form<BundleValues>
          form={form}
          layout="vertical"
          initialValues={initialBundleValues(p)}
          onValuesChange={(_, all) => {
            if (submission.isError) submission.reset();
            errors.onChange(checkBundle(all, registry, new Date()));
          }}
        >
          <Card size="small" className="portal-card" title={t('portal.bundle.services')}>
            <Form.Item name="services" style={{ marginBottom: 0 }}>
              <ServicesField />
            </Form.Item>
            {needsExistingCertificate(services) && (
              <Form.Item
                name="existingBirthCertificateNo"
                label={t('portal.bundle.existingCertificate')}
                extra={t('portal.bundle.existingCertificateHint')}
                style={{ marginTop: 12 }}
              >
                <Input maxLength={10} className="mono" data-testid="portal-existing-certificate" />
              </Form.Item>
            )}
            {needsExistingNewbornId(services) && (
              <Form.Item
                name="existingNewbornIdNumber"
                label={t('portal.bundle.existingNewbornId')}
                extra={t('portal.bundle.existingNewbornIdHint')}
                style={{ marginTop: 12 }}
              >
                <Input maxLength={18} className="mono" data-testid="portal-existing-newborn-id" />
              </Form.Item>
            )}
          </Card>
          <NewbornFields today={chinaDateOf(new Date())} />
          <ParentSection role="mother" fromRegistry={registry.mother} />
          <Card size="small" className="portal-card">
            <Form.Item
              name="withFather"
              valuePropName="checked"
              label={t('portal.bundle.withFather')}
              style={{ marginBottom: 0 }}
            >
              <Switch data-testid="portal-with-father" />
            </Form.Item>
          </Card>
          {withFather !== false && <ParentSection role="father" fromRegistry={registry.father} />}
          <Card size="small" className="portal-card">
            <Form.Item
              name="hukouRegionCode"
              label={t('portal.bundle.hukouRegion')}
              extra={t('portal.bundle.hukouRegionHint')}
              style={{ marginBottom: 0 }}
            >
              <RegionPicker initialLabel={p.residenceRegion} testId="portal-hukou-region" />
            </Form.Item>
          </Card>
          <SubmitErrors error={error} general={errors.general} />
          <Button
            type="primary"
            block
            icon={<SendOutlined />}
            loading={saving}
            onClick={() => submit()}
            data-testid="portal-bundle-submit"
          >
            {t('portal.bundle.submit')}
          </Button>
        </Form>
      )}
    </PortalPage>
  );
}
