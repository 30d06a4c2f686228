import type { IndicatorSeries } from '@cradle/contract';
import { departmentLabel, type Department } from '@cradle/domain';
import { Card, Descriptions, Flex, Segmented, Spin, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { fetchIndicatorSeries } from '../../api/monitoring';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { EChart } from '../../components/EChart';
import { RegionBreadcrumb } from '../../components/RegionBreadcrumb';
import type { ChartOption } from '../../lib/echarts';
import { countsText, figure, intervalText, useClause, useMessage, usePeriodLabel } from './words';

type PeriodType = IndicatorSeries['periodType'];

/** An indicator for a region: chart, table, formula, counts and source (issue 13, "Console"). */
export function IndicatorPage() {
  const { t } = useTranslation();
  const msg = useMessage();
  const clause = useClause();
  const periodLabel = usePeriodLabel();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const periodType = (params.get('periodType') as PeriodType | null) ?? undefined;
  const series = useQuery({
    queryKey: ['indicatorSeries', code, region, periodType],
    queryFn: ({ signal }) => fetchIndicatorSeries(code, { region, periodType }, signal),
    placeholderData: keepPreviousData,
  });
  const data = series.data;
  const option = useMemo<ChartOption | null>(
    () =>
      data
        ? {
            tooltip: { trigger: 'axis' },
            grid: { left: 48, right: 16, top: 24, bottom: 32 },
            xAxis: { type: 'category', data: data.points.map((p) => periodLabel(p.period)) },
            yAxis: { type: 'value' },
            series: [{ type: 'bar', name: msg(data.indicator.name), data: data.points.map((p) => p.value) }],
          }
        : null,
    [data, msg, periodLabel],
  );
  const source = data
    ? data.indicator.source === 'registry'
      ? t('monitoring.sourceRegistry')
      : data.indicator.source === 'childcare'
        ? t('monitoring.sourceChildcare')
        : t('monitoring.sourceReported', { department: msg(departmentLabel(data.indicator.source as Department)) })
    : '';
  return (
    <Flex vertical gap={16} data-testid="indicator-page">
      <ApiErrorAlert error={series.error} onRetry={() => void series.refetch()} />
      {data && (
        <>
          <RegionBreadcrumb
            path={data.path}
            onOpen={(c) => setParams({ region: c, ...(periodType ? { periodType } : {}) })}
          />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {msg(data.indicator.name)} · {data.region.name}
          </Typography.Title>
          <Segmented
            value={data.periodType}
            options={data.indicator.periodTypes.map((p) => ({ value: p, label: t(`monitoring.periodTypes.${p}`) }))}
            onChange={(v) => setParams({ ...(region ? { region } : {}), periodType: v })}
          />
        </>
      )}
      <Spin spinning={series.isFetching} description={t('common.loading')}>
        {data && option ? (
          <Flex vertical gap={16}>
            <Card>
              <EChart option={option} height={280} ariaLabel={msg(data.indicator.name)} testId="indicator-chart" />
            </Card>
            <Card title={t('monitoring.about')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('monitoring.formula')}>{msg(data.indicator.definition)}</Descriptions.Item>
                <Descriptions.Item label={t('monitoring.unit')}>{msg(data.indicator.unit)}</Descriptions.Item>
                <Descriptions.Item label={t('monitoring.source')}>{source}</Descriptions.Item>
                {data.indicator.basis && (
                  <Descriptions.Item label={t('monitoring.clause')}>{clause(data.indicator.basis)}</Descriptions.Item>
                )}
                {data.indicator.readings.map((x, i) => (
                  <Descriptions.Item key={i} label={t(`monitoring.readingBy.${x.by}`)}>
                    {msg(x.note)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            <Table
              rowKey="period"
              size="small"
              pagination={false}
              dataSource={data.points}
              data-testid="indicator-table"
              columns={[
                { title: t('monitoring.period'), key: 'p', render: (_, p) => periodLabel(p.period) },
                { title: t('monitoring.value'), key: 'v', align: 'right', render: (_, p) => figure(p.value) },
                { title: t('monitoring.counts'), key: 'c', align: 'right', render: (_, p) => countsText(p) },
                { title: t('monitoring.interval'), key: 'i', render: (_, p) => intervalText(p) },
                {
                  title: t('monitoring.smallNumbersTitle'),
                  key: 'f',
                  render: (_, p) => (p.tooFewToJudge ? t('monitoring.fewShort') : ''),
                },
              ]}
            />
          </Flex>
        ) : (
          <div style={{ minHeight: 320 }} />
        )}
      </Spin>
    </Flex>
  );
}
