import type { EligibilityView } from '@cradle/contract';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Flex, Statistic, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/money';
import { TraceList } from './TraceList';

function periodLabel(t: TFunction, period: string): string {
  return period === 'once' ? t('benefits.frequency.once') : period;
}

/** The verdict, the amount and every rule's trace: on a person's page and on an application. */
export function EligibilityVerdict({ result }: { result: EligibilityView }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="eligibility-result" data-eligible={String(result.eligible)}>
      <Alert
        type={result.eligible ? 'success' : 'warning'}
        showIcon
        icon={result.eligible ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
        title={
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong data-testid="eligibility-verdict">
              {t(result.eligible ? 'benefits.eligibility.eligible' : 'benefits.eligibility.notEligible', {
                period: periodLabel(t, result.period),
              })}
            </Typography.Text>
            <Statistic
              title={t('benefits.eligibility.amount')}
              value={formatFen(result.amountFen)}
              data-testid="eligibility-amount"
            />
          </Flex>
        }
      />
      <Typography.Text strong>{t('benefits.eligibility.trace')}</Typography.Text>
      <TraceList trace={result.trace} />
    </Flex>
  );
}
