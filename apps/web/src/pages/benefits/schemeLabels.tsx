import type { Frequency, LegalBasis, Message, ParameterUnit, ParameterValue } from '@cradle/contract';
import { BulbOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { formatFen } from '../../lib/money';
import { optionalLabel } from '../../lib/optionalLabel';
import type { Lang } from '../../i18n/language';

export function schemeName(name: Message, lang: Lang): string {
  return pick(name, lang);
}

/** 二孩 for 2; "第5孩"-style beyond the named ones. */
export function parityText(t: TFunction, n: number): string {
  const named = optionalLabel('benefits.parity', String(n));
  return named === String(n) ? t('parity.nth', { n }) : named;
}

/** The key of an amount-by-key parameter: a parity (2 → 二孩) or a family status. */
export function amountKeyLabel(t: TFunction, key: string): string {
  return /^\d+$/.test(key) ? parityText(t, Number(key)) : optionalLabel('benefits.amountKeys', key);
}

/** A value of an unexpected shape, shown as it came rather than as `[object Object]`. */
function plainText(value: ParameterValue): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function isNumberList(value: ParameterValue): value is readonly number[] {
  return Array.isArray(value);
}

/** A parameter's value as people read it: ¥3,600.00, 3 周岁, 二孩、三孩, 二孩：¥2,000.00. */
export function formatParameterValue(t: TFunction, unit: ParameterUnit, value: ParameterValue | undefined): string {
  if (value === undefined) return t('common.none');
  switch (unit) {
    case 'fen':
      return typeof value === 'number' ? formatFen(value) : plainText(value);
    case 'years':
      return typeof value === 'number' ? t('benefits.years', { count: value }) : plainText(value);
    case 'days':
      return typeof value === 'number' ? t('benefits.days', { count: value }) : plainText(value);
    case 'date':
      return plainText(value);
    case 'parities':
      return isNumberList(value)
        ? value.map((p) => parityText(t, p)).join(t('common.listSeparator'))
        : plainText(value);
    case 'fenByKey':
      return typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value)
            .map(([k, v]) => t('benefits.keyAmount', { key: amountKeyLabel(t, k), amount: formatFen(v) }))
            .join(t('common.listSeparator'))
        : plainText(value);
  }
}

export function LegalBasisText({ basis }: { basis: LegalBasis }) {
  return (
    <span data-testid="legal-basis">
      {basis.document} <Typography.Text strong>{basis.clause}</Typography.Text>
    </span>
  );
}

export function FrequencyTag({ frequency }: { frequency: Frequency }) {
  const { t } = useTranslation();
  const color = frequency === 'once' ? 'gold' : frequency === 'yearly' ? 'blue' : 'cyan';
  return <Tag color={color}>{t(`benefits.frequency.${frequency}`)}</Tag>;
}

export function ProactiveTag({ proactive }: { proactive: boolean }) {
  const { t } = useTranslation();
  return proactive ? (
    <Tag color="green" icon={<ThunderboltOutlined />} data-testid="proactive-tag">
      {t('benefits.proactive')}
    </Tag>
  ) : (
    <Tag>{t('benefits.byApplication')}</Tag>
  );
}

export function InterpretationTag() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" icon={<BulbOutlined />} data-testid="interpretation-tag">
      {t('benefits.hasInterpretation')}
    </Tag>
  );
}
