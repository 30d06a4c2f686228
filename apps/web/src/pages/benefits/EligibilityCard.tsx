import type { EligibilityView } from '@cradle/contract';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchEligibility, fetchSchemes } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { PeriodPicker, defaultPeriod } from './PeriodPicker';
import { schemeName } from './schemeLabels';
import { EligibilityVerdict } from './EligibilityVerdict';

/** 补贴资格 on a person's page: the user picks a scheme and period and asks (each look-up is audited). */
export function EligibilityCard({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const schemes = useQuery({
    queryKey: ['fetchSchemes'],
    queryFn: ({ signal }) => fetchSchemes(signal),
    placeholderData: keepPreviousData,
  });
  const [code, setCode] = useState<string>();
  const [period, setPeriod] = useState('');
  // A mutation, not a query: each look-up is asked for and audited, never refetched on its own.
  const lookup = useMutation({
    mutationFn: (scheme: string) => fetchEligibility({ personId, scheme, period }),
  });
  const result: EligibilityView | undefined = lookup.data;
  const error = lookup.error;
  const checking = lookup.isPending;
  const scheme = schemes.data?.find((s) => s.code === code);

  const check = () => {
    if (code) lookup.mutate(code);
  };

  return (
    <Card
      title={
        <>
          <SafetyCertificateOutlined /> {t('benefits.eligibility.title')}
        </>
      }
      data-testid="eligibility-card"
    >
      <ApiErrorAlert error={schemes.error} onRetry={schemes.refetch} />
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('benefits.eligibility.scheme')}</Typography.Text>
          <Select
            value={code}
            placeholder={t('benefits.eligibility.pickScheme')}
            loading={schemes.isFetching}
            style={{ width: 280 }}
            options={(schemes.data ?? []).map((s) => ({ value: s.code, label: schemeName(s.name, lang) }))}
            onChange={(c: string) => {
              setCode(c);
              lookup.reset();
              const f = schemes.data?.find((s) => s.code === c)?.frequency;
              if (f) setPeriod(defaultPeriod(f));
            }}
            data-testid="eligibility-scheme"
          />
        </Flex>
        {scheme && (
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('benefits.eligibility.period')}</Typography.Text>
            <PeriodPicker
              frequency={scheme.frequency}
              value={period}
              onChange={setPeriod}
              testId="eligibility-period"
            />
          </Flex>
        )}
        <Button
          type="primary"
          icon={<SearchOutlined />}
          disabled={!scheme}
          loading={checking}
          onClick={check}
          data-testid="eligibility-check"
        >
          {t('benefits.eligibility.check')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('benefits.eligibility.audited')}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} />
      {result && result.schemeCode === code ? (
        <EligibilityVerdict result={result} />
      ) : (
        !error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('benefits.eligibility.prompt')} />
      )}
    </Card>
  );
}
