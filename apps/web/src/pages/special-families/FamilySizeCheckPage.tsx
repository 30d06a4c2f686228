import type { FamilySizeAnswer, FamilySizeCheckBody } from '@cradle/contract';
import { App, Button, Card, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkFamilySize } from '../../api/specialFamilies';
import { FAMILY_SIZE_PURPOSES } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';

type Values = { idNumber: string; purpose: NonNullable<FamilySizeCheckBody['purpose']>; note?: string };

/** 多子女家庭核验 (issue 16; REQUIREMENTS C5): a count and birth years, never a record; audited with the purpose. */
export function FamilySizeCheckPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const check = useMutation({
    mutationFn: (v: Values): Promise<FamilySizeAnswer> =>
      checkFamilySize({ idNumber: v.idNumber.trim(), purpose: v.purpose, note: v.note?.trim() || null }),
    onError: (e) => void message.error({ content: errorText(e), className: 'family-size-error' }),
  });
  const required = [{ required: true, message: t('familySize.required') }];
  const a = check.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('familySize.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('familySize.hint')}</Typography.Paragraph>
        <Form
          layout="vertical"
          style={{ maxWidth: 560 }}
          onFinish={(v: Values) => check.mutate(v)}
          data-testid="family-size-form"
        >
          <Form.Item name="idNumber" label={t('familySize.idNumber')} rules={required}>
            <Input maxLength={18} autoComplete="off" data-testid="fs-id-number" />
          </Form.Item>
          <Form.Item name="purpose" label={t('familySize.purpose')} rules={required}>
            <Select
              options={FAMILY_SIZE_PURPOSES.map((p) => ({ value: p, label: t(`familySizePurposes.${p}`) }))}
              data-testid="fs-purpose"
            />
          </Form.Item>
          <Form.Item name="note" label={t('familySize.note')}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="fs-submit">
            {t('familySize.submit')}
          </Button>
        </Form>
      </Card>
      {a && (
        <Card title={t('familySize.answer')}>
          <Descriptions column={1} size="small" data-testid="fs-answer">
            <Descriptions.Item label={t('familySize.answer')}>
              <Typography.Text strong>{a.answer}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('familySize.birthYears')}>
              {a.birthYears.length ? a.birthYears.join(t('common.listSeparator')) : t('familySize.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('familySize.basis')}>{a.basis}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Flex>
  );
}
