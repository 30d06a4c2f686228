import { Card, Flex, InputNumber, Select, Space, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { exportLeague, exportScorecard, fetchLeague, fetchMonitoringPlans, fetchScorecard } from '../../api/monitoring';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { RegionBreadcrumb } from '../../components/RegionBreadcrumb';
import { useMe } from '../../lib/auth';
import { LeagueTable } from './LeagueTable';
import { SlotDemandCard } from './SlotDemandCard';
import { ScorecardTable } from './ScorecardTable';
import { useMessage } from './words';

/** 指标看板: a plan's targets for a region and year, then the same targets by child region. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const msg = useMessage();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const plans = useQuery({ queryKey: ['monitoringPlans'], queryFn: ({ signal }) => fetchMonitoringPlans(signal) });
  // The user's own plan (the most local one that is not a draft) is the default.
  const ownPlan = [...(plans.data?.items ?? [])]
    .filter((p) => !p.draft && p.targets.length > 0)
    .sort((a, b) => b.jurisdictionCode.length - a.jurisdictionCode.length)[0];
  const plan = params.get('plan') ?? ownPlan?.code;
  const region = params.get('region') ?? undefined;
  const yearParam = params.get('year');
  const year = yearParam ? Number(yearParam) : undefined;
  const query = plan ? { plan, region, year } : undefined;
  const card = useQuery({
    queryKey: ['scorecard', query],
    queryFn: ({ signal }) => fetchScorecard(query!, signal),
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
  });
  const league = useQuery({
    queryKey: ['league', query],
    queryFn: ({ signal }) => fetchLeague(query!, signal),
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
  });
  const set = useCallback(
    (change: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(change))
        if (v === undefined) next.delete(k);
        else next.set(k, v);
      setParams(next);
    },
    [params, setParams],
  );
  const open = (code: string) => set({ region: code === me.jurisdiction.code ? undefined : code });
  const data = card.data;

  return (
    <Flex vertical gap={16} data-testid="scorecard">
      <ApiErrorAlert error={plans.error ?? card.error ?? league.error} onRetry={() => void card.refetch()} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space orientation="vertical" size={4}>
          {data && <RegionBreadcrumb path={data.path} onOpen={open} />}
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {data ? data.region.name : t('monitoring.title')}
            </Typography.Title>
            {data && <Tag>{t(`regionLevels.${data.region.level}`)}</Tag>}
            <Typography.Text type="secondary">{t('monitoring.title')}</Typography.Text>
          </Space>
        </Space>
        <Space wrap>
          <Select
            style={{ minWidth: 320 }}
            value={plan}
            placeholder={t('monitoring.plan')}
            onChange={(v: string) => set({ plan: v, year: undefined })}
            options={(plans.data?.items ?? []).map((p) => ({
              value: p.code,
              label: `${msg(p.title)}${p.documentNumber ? `（${p.documentNumber}）` : ''}`,
            }))}
            data-testid="plan-picker"
            aria-label={t('monitoring.plan')}
          />
          <InputNumber
            min={2000}
            max={2100}
            value={data?.year ?? year}
            onChange={(v) => set({ year: v === null ? undefined : String(v) })}
            prefix={t('monitoring.year')}
            data-testid="year-picker"
          />
        </Space>
      </Flex>
      {data && (
        <Typography.Text type="secondary" data-testid="plan-title">
          {msg(data.plan.title)} · {data.plan.documentNumber ?? t('monitoring.noDocumentNumber')} ·{' '}
          {msg(data.plan.issuer)}
        </Typography.Text>
      )}
      <Spin spinning={card.isFetching} description={t('common.loading')}>
        <Card
          title={t('monitoring.targets', { year: data?.year ?? '' })}
          extra={query && <ExportXlsxButton download={() => exportScorecard(query)} testId="export-scorecard" />}
        >
          {data ? <ScorecardTable card={data} /> : <div style={{ minHeight: 200 }} />}
        </Card>
      </Spin>
      <Spin spinning={league.isFetching} description={t('common.loading')}>
        <Card
          title={t('monitoring.league')}
          extra={query && <ExportXlsxButton download={() => exportLeague(query)} testId="export-league" />}
        >
          {league.data ? <LeagueTable league={league.data} onOpen={open} /> : <div style={{ minHeight: 120 }} />}
        </Card>
      </Spin>
      {data && <SlotDemandCard card={data} />}
    </Flex>
  );
}
