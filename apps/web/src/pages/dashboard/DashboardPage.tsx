import { Flex, Space, Spin, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { fetchDashboard } from '../../api/registry';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DemoBanner } from '../../components/DemoBanner';
import { RegionBreadcrumb } from '../../components/RegionBreadcrumb';
import { useMe } from '../../lib/auth';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DashboardCharts } from './DashboardCharts';
import { FamilyServicesPanel } from './FamilyServicesPanel';
import { QualityPanel } from './QualityPanel';
import { RegionTable } from './RegionTable';
import { StatCards } from './StatCards';

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchDashboard', region],
    queryFn: ({ signal }) => fetchDashboard(region, signal),
    placeholderData: keepPreviousData,
  });

  // The user's own jurisdiction is the default, so it needs no ?region= in the URL.
  const open = useCallback(
    (code: string) => setParams(code === me.jurisdiction.code ? {} : { region: code }),
    [me.jurisdiction.code, setParams],
  );

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <ApiErrorAlert error={error} onRetry={reload} />
      {data && (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space orientation="vertical" size={4}>
            <RegionBreadcrumb path={data.path} onOpen={open} />
            <Space align="center">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {data.region.name}
              </Typography.Title>
              <Tag>{t(`regionLevels.${data.region.level}`)}</Tag>
              <Typography.Text type="secondary">{t('dashboard.title')}</Typography.Text>
              <DemoBanner variant="tag" />
            </Space>
          </Space>
        </Flex>
      )}
      <Spin spinning={loading} description={t('common.loading')}>
        {data ? (
          <Flex vertical gap={16}>
            <StatCards data={data} />
            <DashboardCharts data={data} />
            <FamilyServicesPanel work={data.familyServices} />
            <QualityPanel quality={data.quality} />
            <RegionTable data={data} onOpen={open} />
          </Flex>
        ) : (
          <div style={{ minHeight: 320 }} />
        )}
      </Spin>
    </Flex>
  );
}
