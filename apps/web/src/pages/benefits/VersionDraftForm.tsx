import type { ParameterView } from '@cradle/contract';
import { FileAddOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { draftVersion } from '../../api/benefits';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { pick } from '../../lib/domain';
import { optionalLabel } from '../../lib/optionalLabel';
import { useLang } from '../../lib/useLang';
import { fieldOfProblem, isFieldProblems, toDraft, type DraftFormValues } from './draftForm';
import { ParameterInput, dateFieldProps } from './ParameterInput';

type Props = {
  schemeCode: string;
  parameters: readonly ParameterView[];
  jurisdictionName: string;
  onSaved: () => void;
};

/** An administrator drafts the values their jurisdiction sets; another administrator publishes them. */
export function VersionDraftForm({ schemeCode, parameters, jurisdictionName, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftFormValues>();
  const [loose, setLoose] = useState<string[]>([]);
  const drafting = useMutation({
    mutationFn: (draft: ReturnType<typeof toDraft>) => draftVersion(schemeCode, draft),
    onSuccess: (v) => {
      void message.success(t('benefits.draft.saved', { version: v.version }));
      form.resetFields();
      onSaved();
    },
    onError: (e) => {
      if (!isApiError(e) || !isFieldProblems(e.details)) return;
      const placed = e.details.map((d) => ({ d, name: fieldOfProblem(d, parameters) }));
      const fields = placed.flatMap(({ d, name }) => (name ? [{ name, errors: [pick(d.message, lang)] }] : []));
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setLoose(
        placed
          .filter((x) => !x.name)
          .map((x) =>
            t('benefits.draft.problem', {
              field: optionalLabel('benefits.draft.fields', x.d.field),
              message: pick(x.d.message, lang),
            }),
          ),
      );
    },
  });
  const saving = drafting.isPending;
  const error = drafting.error;

  const save = (values: DraftFormValues) => {
    drafting.reset();
    setLoose([]);
    const draft = toDraft(parameters, values);
    if (Object.keys(draft.values).length === 0) {
      setLoose([t('benefits.draft.noValues')]);
      return;
    }
    drafting.mutate(draft);
  };

  return (
    <Card
      title={
        <>
          <FileAddOutlined /> {t('benefits.draft.title')}
        </>
      }
      data-testid="version-draft"
    >
      <Typography.Paragraph type="secondary">
        {t('benefits.draft.hint', { region: jurisdictionName })}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} />
      {loose.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="draft-problems"
          title={loose.map((text, i) => (
            <div key={i}>{text}</div>
          ))}
        />
      )}
      <Form<DraftFormValues> form={form} layout="vertical" onFinish={save} requiredMark="optional" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveFrom"
              label={t('benefits.draft.effectiveFrom')}
              rules={[{ required: true, message: t('benefits.draft.effectiveFromRequired') }]}
              {...dateFieldProps}
            >
              <DatePicker style={{ width: '100%' }} data-testid="draft-effective-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['legalBasis', 'document']}
              label={t('benefits.draft.document')}
              rules={[{ required: true, whitespace: true, message: t('benefits.draft.documentRequired') }]}
            >
              <Input
                maxLength={200}
                placeholder={t('benefits.draft.documentPlaceholder')}
                data-testid="draft-document"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['legalBasis', 'clause']}
              label={t('benefits.draft.clause')}
              rules={[{ required: true, whitespace: true, message: t('benefits.draft.clauseRequired') }]}
            >
              <Input maxLength={100} placeholder={t('benefits.draft.clausePlaceholder')} data-testid="draft-clause" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('benefits.draft.values')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {parameters.map((p) => (
            <Col key={p.name} xs={24} md={12} xl={8}>
              <ParameterInput parameter={p} />
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="draft-save">
          {t('benefits.draft.save')}
        </Button>
      </Form>
    </Card>
  );
}
