import type { ProjectionQuery } from '@cradle/contract';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProjection } from '../../api/projection';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RegionCascader } from '../../components/RegionCascader';
import { mayForecastBudget, useMe } from '../../lib/auth';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { BudgetForecastPanel } from './BudgetForecastPanel';
import { ProjectionCharts } from './ProjectionCharts';
import { ProjectionTable } from './ProjectionTable';

type Controls = { region?: string; years: number; tfrPath: string };

/** 人口预测 (issue 13): a region of the jurisdiction, three scenarios or a typed TFR path. */
export function ProjectionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [form] = Form.useForm<Controls>();
  const [query, setQuery] = useState<ProjectionQuery>({ region: me.jurisdiction.code, years: 30 });
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['projection', query],
    queryFn: ({ signal }) => fetchProjection(query, signal),
    placeholderData: keepPreviousData,
  });
  const run = (v: Controls) =>
    setQuery({
      region: v.region ?? me.jurisdiction.code,
      years: v.years,
      ...(v.tfrPath.trim() ? { tfrPath: v.tfrPath.trim() } : {}),
    });
  const ratio = (n: number) => n.toFixed(2);

  return (
    <Flex vertical gap={16} data-testid="projection-page">
      <Space align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('projection.title')}
        </Typography.Title>
        {data && <Typography.Text strong>{data.region.name}</Typography.Text>}
        <Tag color="purple">{t('projection.isProjection')}</Tag>
      </Space>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          initialValues={{ region: me.jurisdiction.code, years: 30, tfrPath: '' }}
          onFinish={run}
        >
          <Form.Item name="region" label={t('projection.region')}>
            <RegionCascader testId="projection-region" />
          </Form.Item>
          <Form.Item name="years" label={t('projection.years')}>
            <InputNumber min={1} max={50} precision={0} data-testid="projection-years" />
          </Form.Item>
          <Form.Item name="tfrPath" label={t('projection.tfrPath')} tooltip={t('projection.tfrPathHelp')}>
            <Input
              placeholder={t('projection.tfrPathPlaceholder')}
              style={{ width: 280 }}
              data-testid="projection-tfr-path"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isFetching} data-testid="projection-run">
            {t('projection.run')}
          </Button>
        </Form>
      </Card>
      <ApiErrorAlert error={error} onRetry={refetch} />
      <Spin spinning={isFetching} description={t('common.loading')}>
        {data ? (
          <Flex vertical gap={16}>
            <Alert
              type="info"
              showIcon
              data-testid="projection-notice"
              title={t('projection.notice', {
                baseYear: data.baseYear,
                population: formatInteger(data.basePopulation, lang),
                births: formatInteger(data.recordedBirths, lang),
                from: data.recordedYears[0],
                to: data.recordedYears[data.recordedYears.length - 1],
              })}
              description={[
                t('projection.fertilityLevel', {
                  ratio: ratio(data.assumptions.fertility.ratio),
                  observed: data.assumptions.observedTfr === null ? '—' : ratio(data.assumptions.observedTfr),
                }),
                data.recordedDeaths === 0
                  ? t('projection.deathsNone')
                  : t('projection.deathsSome', {
                      deaths: formatInteger(data.recordedDeaths, lang),
                      female: ratio(data.assumptions.mortality.female.ratio),
                      male: ratio(data.assumptions.mortality.male.ratio),
                    }),
                t('projection.scenarioNote'),
              ].join(' ')}
            />
            <ProjectionCharts data={data} />
            <ProjectionTable data={data} query={query} />
            {mayForecastBudget(me) && <BudgetForecastPanel region={data.region.code} query={query} />}
          </Flex>
        ) : (
          <div style={{ minHeight: 320 }} />
        )}
      </Spin>
    </Flex>
  );
}
