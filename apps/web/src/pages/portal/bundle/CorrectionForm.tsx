import { useMutation } from '@tanstack/react-query';
import type { BundleTaskView, NewbornBundle } from '@cradle/contract';
import { SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Radio } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { correctBundle } from '../../../api/portalBundle';
import { optionalLabel } from '../../../lib/optionalLabel';
import { RegionPicker } from '../form/RegionPicker';
import { SubmitErrors } from '../form/SubmitErrors';
import { useFormErrors } from '../form/useFormErrors';
import { checkCorrections, correctionStart, fieldKey, toCorrections, type CorrectionValues } from './corrections';

type InputProps = { field: string; value?: string; onChange?: (value: unknown) => void; id?: string };

/** The input for one returned field; Form.Item hands it value and onChange, passed on as they are. */
function FieldInput({ field, ...control }: InputProps) {
  const { t } = useTranslation();
  const testId = `portal-fix-${field}`;
  if (field === 'newborn.sex') {
    return (
      <Radio.Group optionType="button" data-testid={testId} {...control}>
        <Radio.Button value="male">{t('sex.male')}</Radio.Button>
        <Radio.Button value="female">{t('sex.female')}</Radio.Button>
      </Radio.Group>
    );
  }
  if (field === 'newborn.birthDate') return <Input type="date" data-testid={testId} {...control} />;
  if (field === 'newborn.birthTime') return <Input type="time" data-testid={testId} {...control} />;
  if (field === 'hukouRegionCode')
    return <RegionPicker testId={testId} value={control.value} onChange={control.onChange} />;
  return (
    <Input
      className={field.endsWith('idNumber') || field.startsWith('existing') ? 'mono' : undefined}
      data-testid={testId}
      {...control}
    />
  );
}

type Props = { bundle: NewbornBundle; task: BundleTaskView; onCorrected: (b: NewbornBundle) => void };

/** Only the fields a department returned, with the domain's checks; the rest of the bundle is untouched. */
export function CorrectionForm({ bundle, task, onCorrected }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const fields = task.fieldsToFix;
  const paths = useMemo(() => fields.map((f) => [f] as const), [fields]);
  const locate = useCallback((f: string) => (fields.includes(f) ? [f] : null), [fields]);
  const errors = useFormErrors(form, paths, locate);
  const correction = useMutation({
    mutationFn: (values: CorrectionValues) => correctBundle(bundle.id, task.service, toCorrections(values, fields)),
    onSuccess: (updated) => {
      void message.success(t('portal.bundle.corrected'));
      onCorrected(updated);
    },
    onError: (e) => errors.onServerError(e),
  });
  const error = correction.error;
  const saving = correction.isPending;

  function submit() {
    correction.reset();
    const values = form.getFieldsValue(true) as CorrectionValues;
    if (errors.onSubmit(checkCorrections(bundle, values, fields, new Date()))) correction.mutate(values);
  }

  return (
    <Form<CorrectionValues>
      form={form}
      layout="vertical"
      initialValues={correctionStart(bundle, fields)}
      onValuesChange={(_, all) => {
        if (correction.isError) correction.reset();
        errors.onChange(checkCorrections(bundle, all, fields, new Date()));
      }}
      data-testid={`portal-correction-${task.service}`}
    >
      {fields.map((f) => (
        <Form.Item
          key={f}
          name={f}
          label={optionalLabel('portal.bundle.fields', fieldKey(f)) || f}
          extra={f.endsWith('idNumber') ? t('portal.bundle.retypeId') : undefined}
        >
          <FieldInput field={f} />
        </Form.Item>
      ))}
      <SubmitErrors error={error} general={errors.general} />
      <Button
        type="primary"
        block
        icon={<SendOutlined />}
        loading={saving}
        onClick={() => submit()}
        data-testid="portal-correction-submit"
      >
        {t('portal.bundle.resubmit')}
      </Button>
    </Form>
  );
}
