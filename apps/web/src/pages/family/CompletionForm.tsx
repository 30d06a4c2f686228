import { useMutation } from '@tanstack/react-query';
import type { TaskDetail } from '@cradle/contract';
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { completeTask } from '../../api/familyBundle';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';
import { dateFieldProps } from '../benefits/ParameterInput';
import {
  completionBodyOf,
  completionContextOf,
  completionErrors,
  completionInputOf,
  lateEnrolment,
  type CompletionValues,
} from './completionForm';
import { DeclaredParents } from './DeclaredParents';
import {
  chinaDateOf,
  MEDICAL_INSURANCE_ENROLMENT_DAYS,
  medicalInsuranceDeadline,
  type BundleService,
} from './familyDomain';

type Props = { detail: TaskDetail; service: BundleService; onCompleted: (next: TaskDetail) => void };
type FieldName = Exclude<keyof CompletionValues, 'confirmDeclaredParents'>;
type FormValues = CompletionValues & { confirmDeclaredParents?: boolean };

const FIELDS: Record<BundleService, { name: FieldName; required: boolean }> = {
  birthCertificate: { name: 'certificateNo', required: true },
  vaccinationRecord: { name: 'recordNo', required: false },
  hukouRegistration: { name: 'idNumber', required: true },
  medicalInsuranceEnrollment: { name: 'enrolledOn', required: true },
  socialSecurityCard: { name: 'cardNo', required: false },
};

/** Field errors a refused completion sends back ({field, message}), as the domain reports them. */
function fieldErrorsOf(e: unknown): { field: string; message: { zh: string; en: string } }[] {
  if (!isApiError(e) || !Array.isArray(e.details)) return [];
  return (e.details as unknown[]).filter(
    (d): d is { field: string; message: { zh: string; en: string } } =>
      typeof d === 'object' && d !== null && 'field' in d && 'message' in d,
  );
}

/** What the department enters to complete its task, checked as it is typed with the domain's own rules (checkCompletion). */
export function CompletionForm({ detail, service, onCompleted }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const field = FIELDS[service];
  const ctx = completionContextOf(detail, chinaDateOf(new Date()));
  const enrolledOn = Form.useWatch('enrolledOn', form);
  const late =
    service === 'medicalInsuranceEnrollment' &&
    lateEnrolment(
      detail.task.enrolmentDeadline ?? medicalInsuranceDeadline(detail.bundle.newborn.birthDate),
      enrolledOn,
    );
  // The domain refuses enrolment before birth or after today; the picker does not offer those days.
  const outsideEnrolment = (day: string) => day < detail.bundle.newborn.birthDate || day > ctx.today;

  const domainRule: FormRule = {
    validator: async (_, value: string | undefined) => {
      if (!value || !value.trim()) return;
      const problem = completionErrors(service, { [field.name]: value }, ctx)[field.name];
      if (problem) throw new Error(pick(problem, lang));
    },
  };
  const rules: FormRule[] = [
    ...(field.required
      ? [{ required: true, whitespace: true, message: t(`family.complete.required.${field.name}`) }]
      : []),
    domainRule,
  ];

  // Hukou: declared parents who match the registry are linked only if the officer confirms them.
  const declared = service === 'hukouRegistration' ? detail.declaredParents : [];
  const confirmable = declared.some((p) => p.registry !== null);

  const completion = useMutation({
    mutationFn: (values: FormValues) =>
      completeTask(detail.task.id, {
        ...completionBodyOf(completionInputOf(service, values)),
        ...(confirmable && values.confirmDeclaredParents ? { confirmDeclaredParents: true } : {}),
      }),
    onSuccess: (next) => {
      void message.success(t('family.complete.done', { service: pick(detail.task.label, lang) }));
      onCompleted(next);
    },
    // A refusal about the field is shown at the field, as well as above the form.
    onError: (e) => {
      const placed = fieldErrorsOf(e).filter((d) => d.field === field.name);
      if (placed.length > 0) form.setFields([{ name: field.name, errors: placed.map((d) => pick(d.message, lang)) }]);
      else if (isApiError(e) && e.code === 'bundle.newbornIdTaken')
        form.setFields([{ name: 'idNumber', errors: [e.message] }]);
    },
  });
  const submit = (values: FormValues) => completion.mutate(values);
  const saving = completion.isPending;
  const error = completion.error;

  const label = t(`family.complete.fields.${field.name}`);
  const extra = t(`family.complete.extra.${field.name}`, {
    days: MEDICAL_INSURANCE_ENROLMENT_DAYS,
    date: detail.task.enrolmentDeadline ?? '',
  });
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => submit(v)}
      style={{ maxWidth: declared.length > 0 ? 720 : 520 }}
      data-testid="completion-form"
    >
      <div data-testid="completion-error">
        <ApiErrorAlert error={error} />
      </div>
      {declared.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <DeclaredParents parents={declared} />
        </div>
      )}
      {field.name === 'enrolledOn' ? (
        <Form.Item
          name="enrolledOn"
          label={label}
          extra={extra}
          rules={[{ required: true, message: t('family.complete.required.enrolledOn') }, domainRule]}
          {...dateFieldProps}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => outsideEnrolment(d.format('YYYY-MM-DD'))}
            data-testid="completion-enrolledOn"
          />
        </Form.Item>
      ) : (
        <Form.Item name={field.name} label={label} extra={extra} rules={rules} validateFirst hasFeedback>
          <Input
            maxLength={40}
            className={field.name === 'idNumber' ? 'mono' : undefined}
            autoComplete="off"
            data-testid={`completion-${field.name}`}
          />
        </Form.Item>
      )}
      {confirmable && (
        <Form.Item
          name="confirmDeclaredParents"
          valuePropName="checked"
          extra={t('family.complete.declared.confirmExtra')}
        >
          <Checkbox data-testid="confirm-declared-parents">{t('family.complete.declared.confirm')}</Checkbox>
        </Form.Item>
      )}
      {late && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('family.complete.lateWarning', {
            date: detail.task.enrolmentDeadline ?? '',
            days: MEDICAL_INSURANCE_ENROLMENT_DAYS,
          })}
          data-testid="late-warning"
        />
      )}
      <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={saving} data-testid="task-complete">
        {t('family.complete.submit')}
      </Button>
    </Form>
  );
}
