import type { SchemeDetail } from '@cradle/contract';
import { ArrowLeftOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Spin, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { fetchScheme } from '../../api/benefits';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { mayDraftVersions, mayViewBudget, useMe } from '../../lib/auth';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { BudgetCard } from './BudgetCard';
import { InterpretationsBox } from './InterpretationsBox';
import { ParametersCard } from './ParametersCard';
import { FrequencyTag, LegalBasisText, ProactiveTag, schemeName } from './schemeLabels';
import { useRegionNames } from './useRegionNames';
import { VersionDraftForm } from './VersionDraftForm';
import { VersionsCard } from './VersionsCard';

function BasisCard({ scheme, region }: { scheme: SchemeDetail; region: string }) {
  const { t } = useTranslation();
  const items = [
    {
      key: 'basis',
      label: t('benefits.scheme.legalBasis'),
      span: 2,
      children: <LegalBasisText basis={scheme.legalBasis} />,
    },
    { key: 'region', label: t('benefits.scheme.region'), children: region },
    {
      key: 'beneficiary',
      label: t('benefits.scheme.beneficiary'),
      children: t(`benefits.beneficiary.${scheme.beneficiary}`),
    },
    { key: 'frequency', label: t('benefits.scheme.frequency'), children: t(`benefits.frequency.${scheme.frequency}`) },
    {
      key: 'proactive',
      label: t('benefits.scheme.proactive'),
      children: t(scheme.proactive ? 'benefits.scheme.proactiveYes' : 'benefits.scheme.proactiveNo'),
    },
    {
      key: 'review',
      label: t('benefits.scheme.reviewLevels'),
      span: 2,
      children: (
        <Steps
          size="small"
          current={scheme.reviewLevels.length}
          items={scheme.reviewLevels.map((level) => ({ title: t(`benefits.reviewLevel.${level}`) }))}
          style={{ maxWidth: 480 }}
          data-testid="review-levels"
        />
      ),
    },
    {
      key: 'notice',
      label: t('benefits.scheme.publicNotice'),
      children:
        scheme.publicNoticeDays > 0
          ? t('benefits.scheme.publicNoticeDays', { count: scheme.publicNoticeDays })
          : t('benefits.scheme.noPublicNotice'),
    },
  ];
  return (
    <Card
      title={
        <>
          <FileProtectOutlined /> {t('benefits.scheme.basisTitle')}
        </>
      }
      data-testid="scheme-basis"
    >
      <Descriptions bordered size="middle" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}

export function SchemeDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const me = useMe();
  const code = useParams().code ?? '';
  const {
    data: scheme,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchScheme', code],
    queryFn: ({ signal }) => fetchScheme(code, signal),
    placeholderData: keepPreviousData,
  });
  const codes = scheme
    ? [
        scheme.regionCode,
        me.jurisdiction.code,
        ...scheme.versions.map((v) => v.jurisdictionCode),
        ...scheme.parameters.map((p) => p.current?.jurisdictionCode ?? ''),
      ]
    : [];
  const regionName = useRegionNames(codes);
  const regionLabel = (c: string) => (c === '' ? t('benefits.national') : regionName(c));

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void navigate('/schemes')}
      style={{ paddingInline: 0 }}
    >
      {t('benefits.scheme.back')}
    </Button>
  );
  if (isApiError(error) && error.status === 404)
    return <Result status="404" title={error.message || t('benefits.scheme.notFound')} extra={back} />;

  return (
    <Flex vertical gap={16} data-testid="scheme-detail">
      <div>{back}</div>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Spin spinning={loading && !scheme}>
        {scheme && scheme.code === code ? (
          <Flex vertical gap={16}>
            <Space wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="scheme-name">
                {schemeName(scheme.name, lang)}
              </Typography.Title>
              <FrequencyTag frequency={scheme.frequency} />
              <ProactiveTag proactive={scheme.proactive} />
            </Space>
            <BasisCard scheme={scheme} region={regionLabel(scheme.regionCode)} />
            <InterpretationsBox interpretations={scheme.interpretations} />
            <ParametersCard parameters={scheme.parameters} regionName={regionLabel} />
            {mayViewBudget(me) && (
              <BudgetCard schemeCode={scheme.code} versions={scheme.versions} jurisdictionName={me.jurisdiction.name} />
            )}
            <VersionsCard
              schemeCode={scheme.code}
              versions={scheme.versions}
              parameters={scheme.parameters}
              regionName={regionLabel}
              onChanged={() => void reload()}
            />
            {mayDraftVersions(me) && (
              <VersionDraftForm
                schemeCode={scheme.code}
                parameters={scheme.parameters}
                jurisdictionName={me.jurisdiction.name}
                onSaved={() => void reload()}
              />
            )}
          </Flex>
        ) : (
          <div style={{ minHeight: 240 }} />
        )}
      </Spin>
    </Flex>
  );
}
