import type { FilingContentBody, InstitutionDetail, RuleBreachView } from '@cradle/contract';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitFiling, uploadChildcareDocument } from '../../api/childcare';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import {
  AGE_GROUP_RULES,
  AGE_GROUPS,
  INSTITUTION_TYPES,
  OPERATOR_FORMS,
  REGISTRATION_AUTHORITIES,
  STAFF_POSTS,
} from '../../lib/domain';
import { RegionCascader } from '../../components/RegionCascader';
import { useLang } from '../../lib/useLang';

type Values = Omit<FilingContentBody, 'establishedOn' | 'staff' | 'monthlyFeeFen' | 'affordableFeeFen'> & {
  establishedOn: Dayjs;
  monthlyFee: number;
  affordableFee?: number | null;
  staff: (Omit<FilingContentBody['staff'][number], 'healthCertificateIssuedOn' | 'healthCertificateValidUntil'> & {
    healthCertificateIssuedOn: Dayjs;
    healthCertificateValidUntil: Dayjs;
  })[];
};

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const yuanToFen = (y: number) => Math.round(y * 100);

/** The form's values for what a version filed (a change or a correction starts from it). */
function initialOf(from: InstitutionDetail | undefined): Partial<Values> {
  const v = from?.versions.find((x) => x.kind !== 'closure');
  if (!v)
    return {
      classes: [],
      staff: [],
      registrationAuthority: 'marketRegulation',
      type: 'community',
      operatorForm: 'private',
    };
  const c = v.content;
  return {
    ...c,
    establishedOn: dayjs(c.establishedOn),
    monthlyFee: c.monthlyFeeFen / 100,
    affordableFee: c.affordableFeeFen === null ? null : c.affordableFeeFen / 100,
    classes: v.classes,
    staff: v.staff.map((s) => ({
      ...s,
      healthCertificateIssuedOn: dayjs(s.healthCertificateIssuedOn),
      healthCertificateValidUntil: dayjs(s.healthCertificateValidUntil),
    })),
  };
}

/** 备案表: the institution files its record, classes and staff; a breach comes back with its rule. */
export function FilingForm({ institution, onDone }: { institution?: InstitutionDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [documents, setDocuments] = useState<{ id: number; fileName: string }[]>([]);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      submitFiling({
        ...(institution ? { institutionId: institution.id } : {}),
        documentIds: documents.map((d) => d.id),
        content: {
          name: v.name,
          uscc: v.uscc,
          registrationAuthority: v.registrationAuthority,
          type: v.type,
          operatorForm: v.operatorForm,
          regionCode: v.regionCode,
          address: v.address,
          premisesArea: v.premisesArea,
          establishedOn: day(v.establishedOn),
          slots: v.slots,
          affordableSlots: v.affordableSlots,
          monthlyFeeFen: yuanToFen(v.monthlyFee),
          affordableFeeFen:
            v.affordableFee === undefined || v.affordableFee === null ? null : yuanToFen(v.affordableFee),
          classes: v.classes,
          staff: v.staff.map((s) => ({
            ...s,
            healthCertificateIssuedOn: day(s.healthCertificateIssuedOn),
            healthCertificateValidUntil: day(s.healthCertificateValidUntil),
          })),
        },
      }),
    onSuccess: () => {
      void message.success(t('childcare.form.submitted'));
      onDone();
    },
  });
  const breaches =
    isApiError(submit.error) && submit.error.code === 'childcare.rules'
      ? ((submit.error.details as { breaches?: RuleBreachView[] } | undefined)?.breaches ?? [])
      : [];
  const lang = useLang() === 'en' ? 'en' : 'zh';
  const title = institution
    ? t(institution.versions[0]?.state === 'sentBack' ? 'childcare.form.correctTitle' : 'childcare.form.changeTitle', {
        name: institution.name,
      })
    : t('childcare.form.newTitle');
  const req = [{ required: true }];
  return (
    <Card title={title} data-testid="childcare-filing-form">
      <Form form={form} layout="vertical" initialValues={initialOf(institution)} onFinish={(v) => submit.mutate(v)}>
        <Flex gap={16} wrap>
          <Form.Item name="name" label={t('childcare.fields.name')} rules={req} style={{ minWidth: 280 }}>
            <Input maxLength={100} data-testid="cc-name" />
          </Form.Item>
          <Form.Item name="uscc" label={t('childcare.fields.uscc')} rules={req} extra={t('childcare.form.usccHint')}>
            <Input maxLength={18} disabled={Boolean(institution)} style={{ width: 240 }} data-testid="cc-uscc" />
          </Form.Item>
          <Form.Item name="registrationAuthority" label={t('childcare.fields.registrationAuthority')} rules={req}>
            <Select
              style={{ width: 260 }}
              options={REGISTRATION_AUTHORITIES.map((a) => ({ value: a, label: t(`registrationAuthorities.${a}`) }))}
            />
          </Form.Item>
          <Form.Item name="type" label={t('childcare.fields.type')} rules={req}>
            <Select
              style={{ width: 220 }}
              options={INSTITUTION_TYPES.map((x) => ({ value: x, label: t(`institutionTypes.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="operatorForm" label={t('childcare.fields.operatorForm')} rules={req}>
            <Select
              style={{ width: 160 }}
              options={OPERATOR_FORMS.map((x) => ({ value: x, label: t(`operatorForms.${x}`) }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="regionCode" label={t('childcare.fields.region')} rules={req}>
            <RegionCascader testId="cc-region" />
          </Form.Item>
          <Form.Item name="address" label={t('childcare.fields.address')} rules={req} style={{ minWidth: 320 }}>
            <Input maxLength={200} data-testid="cc-address" />
          </Form.Item>
          <Form.Item name="premisesArea" label={t('childcare.fields.premisesArea')} rules={req}>
            <InputNumber min={1} precision={0} data-testid="cc-area" />
          </Form.Item>
          <Form.Item name="establishedOn" label={t('childcare.fields.establishedOn')} rules={req}>
            <DatePicker data-testid="cc-established" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="slots" label={t('childcare.fields.slots')} rules={req}>
            <InputNumber min={1} precision={0} data-testid="cc-slots" />
          </Form.Item>
          <Form.Item name="affordableSlots" label={t('childcare.fields.affordableSlots')} rules={req}>
            <InputNumber min={0} precision={0} data-testid="cc-affordable" />
          </Form.Item>
          <Form.Item name="monthlyFee" label={t('childcare.fields.monthlyFee')} rules={req}>
            <InputNumber min={0} precision={2} data-testid="cc-fee" />
          </Form.Item>
          <Form.Item name="affordableFee" label={t('childcare.fields.affordableFee')}>
            <InputNumber min={0} precision={2} data-testid="cc-affordable-fee" />
          </Form.Item>
        </Flex>

        <Divider titlePlacement="start">{t('childcare.classes.title')}</Divider>
        <Typography.Paragraph type="secondary">
          {AGE_GROUPS.map((g) =>
            t('childcare.classes.rule', {
              group: t(`ageGroups.${g}`),
              max: AGE_GROUP_RULES[g].maxSize,
              per: AGE_GROUP_RULES[g].childrenPerCarer,
            }),
          ).join(t('common.listSeparator'))}
        </Typography.Paragraph>
        <Form.List name="classes">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap data-testid={`cc-class-${name}`}>
                  <Form.Item name={[name, 'name']} label={t('childcare.classes.name')} rules={req}>
                    <Input maxLength={50} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'ageGroup']} label={t('childcare.classes.ageGroup')} rules={req}>
                    <Select
                      style={{ width: 120 }}
                      options={AGE_GROUPS.map((g) => ({ value: g, label: t(`ageGroups.${g}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'capacity']} label={t('childcare.classes.capacity')} rules={req}>
                    <InputNumber min={1} precision={0} />
                  </Form.Item>
                  <Form.Item name={[name, 'enrolled']} label={t('childcare.classes.enrolled')} rules={req}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name={[name, 'carers']} label={t('childcare.classes.carers')} rules={req}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('childcare.form.remove')}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add()}
                style={{ width: 'fit-content' }}
                data-testid="cc-add-class"
              >
                {t('childcare.classes.add')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('childcare.staff.title')}</Divider>
        <Form.List name="staff">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap data-testid={`cc-staff-${name}`}>
                  <Form.Item name={[name, 'name']} label={t('childcare.staff.name')} rules={req}>
                    <Input maxLength={50} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'post']} label={t('childcare.staff.post')} rules={req}>
                    <Select
                      style={{ width: 120 }}
                      options={STAFF_POSTS.map((p) => ({ value: p, label: t(`staffPosts.${p}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'qualification']} label={t('childcare.staff.qualification')}>
                    <Input maxLength={100} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'healthCertificateNo']}
                    label={t('childcare.staff.healthCertificateNo')}
                    rules={req}
                  >
                    <Input maxLength={50} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'healthCertificateIssuedOn']}
                    label={t('childcare.staff.issuedOn')}
                    rules={req}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'healthCertificateValidUntil']}
                    label={t('childcare.staff.validUntil')}
                    rules={req}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('childcare.form.remove')}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ post: 'carer', qualification: '' })}
                style={{ width: 'fit-content' }}
                data-testid="cc-add-staff"
              >
                {t('childcare.staff.add')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('childcare.fields.documents')}</Divider>
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          customRequest={({ file }) => {
            void uploadChildcareDocument(file as File).then(
              (d) => {
                setDocuments((list) => [...list, d]);
                void message.success(t('childcare.form.uploaded', { name: d.fileName }));
              },
              (e: unknown) => void message.error(isApiError(e) ? e.message : String(e)),
            );
          }}
        >
          <Button icon={<UploadOutlined />}>{t('childcare.form.upload')}</Button>
        </Upload>
        <ul>
          {documents.map((d) => (
            <li key={d.id}>{d.fileName}</li>
          ))}
        </ul>

        {breaches.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBlock: 16 }}
            title={t('childcare.form.breaches')}
            description={
              <ul style={{ margin: 0 }} data-testid="cc-breaches">
                {breaches.map((b) => (
                  <li key={`${b.rule}-${b.path}`}>
                    {lang === 'zh' ? `${b.message.zh}（${b.citation.zh}）` : `${b.message.en} (${b.citation.en})`}
                  </li>
                ))}
              </ul>
            }
          />
        ) : (
          <ApiErrorAlert error={submit.error} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={submit.isPending}
          style={{ marginTop: 16 }}
          data-testid="cc-submit"
        >
          {t('childcare.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
