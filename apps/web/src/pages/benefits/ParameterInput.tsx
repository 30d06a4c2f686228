import type { ParameterView } from '@cradle/contract';
import { Checkbox, DatePicker, Flex, Form, Input, InputNumber, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { parseYuan } from '../../lib/money';
import { useLang } from '../../lib/useLang';
import { amountKeys } from './draftForm';
import { amountKeyLabel, formatParameterValue, parityText } from './schemeLabels';

const PARITY_CHOICES = [1, 2, 3, 4, 5];

/** A date field that holds YYYY-MM-DD text, so the form's values are plain strings. */
export const dateFieldProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

/** Checks an amount typed in yuan the way it will be converted: digits, at most two decimals. */
export function useYuanRule(): FormRule {
  const { t } = useTranslation();
  return {
    validator: async (_, value: string | undefined) => {
      if (!value?.trim()) return;
      const r = parseYuan(value);
      if (!r.ok) throw new Error(t(`benefits.draft.amount.${r.reason}`));
    },
  };
}

function YuanInput({ name, placeholder, testId }: { name: (string | number)[]; placeholder: string; testId: string }) {
  const { t } = useTranslation();
  const rule = useYuanRule();
  return (
    <Form.Item name={name} rules={[rule]} style={{ marginBottom: 0 }}>
      <Input
        prefix="¥"
        suffix={t('benefits.draft.yuan')}
        placeholder={placeholder}
        inputMode="decimal"
        allowClear
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** One input for one parameter, shaped by its unit; the value in force is the placeholder. */
export function ParameterInput({ parameter: p }: { parameter: ParameterView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const current = p.current
    ? t('benefits.draft.current', { value: formatParameterValue(t, p.unit, p.current.value) })
    : t('benefits.parameters.notSet');
  const testId = `draft-value-${p.name}`;
  const label = pick(p.label, lang);

  switch (p.unit) {
    case 'fen':
      return (
        <Form.Item label={label} extra={current} required={false}>
          <YuanInput name={['values', p.name]} placeholder={t('benefits.draft.amountPlaceholder')} testId={testId} />
        </Form.Item>
      );
    case 'fenByKey':
      return (
        <Form.Item label={label} extra={current}>
          <Flex vertical gap={8}>
            {amountKeys(p).map((key) => (
              <Flex key={key} align="start" gap={8}>
                <span style={{ minWidth: 64, lineHeight: '32px' }}>{amountKeyLabel(t, key)}</span>
                <div style={{ flex: 1 }}>
                  <YuanInput
                    name={['values', p.name, key]}
                    placeholder={t('benefits.draft.amountPlaceholder')}
                    testId={`${testId}-${key}`}
                  />
                </div>
              </Flex>
            ))}
          </Flex>
        </Form.Item>
      );
    case 'years':
      return (
        <Form.Item name={['values', p.name]} label={label} extra={current}>
          <InputNumber
            min={0}
            max={120}
            precision={0}
            suffix={t('benefits.yearsUnit')}
            style={{ width: '100%' }}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'days':
      return (
        <Form.Item name={['values', p.name]} label={label} extra={current}>
          <InputNumber
            min={0}
            max={90}
            precision={0}
            suffix={t('benefits.daysUnit')}
            style={{ width: '100%' }}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={['values', p.name]} label={label} extra={current} {...dateFieldProps}>
          <DatePicker style={{ width: '100%' }} data-testid={testId} />
        </Form.Item>
      );
    case 'parities':
      return (
        <Form.Item name={['values', p.name]} label={label} extra={current}>
          <Checkbox.Group
            options={PARITY_CHOICES.map((n) => ({ value: n, label: parityText(t, n) }))}
            data-testid={testId}
          />
        </Form.Item>
      );
  }
}
