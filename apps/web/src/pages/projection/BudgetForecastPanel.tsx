import type { BudgetForecastQuery, ForecastLine, ProjectionQuery, ScenarioKind } from '@cradle/contract';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBudgetForecast } from '../../api/projection';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { basisPointsToPercent } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

/** Fen as 万元 with two decimals, rounded half up in integer arithmetic (no floating money). */
export function fenToWan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const hundredths = Math.floor((Math.abs(fen) + 5_000) / 10_000);
  const whole = Math.floor(hundredths / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

type Row = { key: string; label: string; takeUp: string; line: ForecastLine; strong?: boolean };

/** Each children's scheme's cost for ten years from the projection, with a draft version beside it. */
export function BudgetForecastPanel({ region, query }: { region: string; query: ProjectionQuery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [scenario, setScenario] = useState<ScenarioKind>('medium');
  const [draft, setDraft] = useState<string>('');
  const scenarios: ScenarioKind[] = query.tfrPath ? ['low', 'medium', 'high', 'tfrPath'] : ['low', 'medium', 'high'];
  const chosen = scenarios.includes(scenario) ? scenario : 'medium';
  const [draftScheme, draftId] = draft ? draft.split('|') : [];
  const q: BudgetForecastQuery = {
    region,
    scenario: chosen,
    ...(chosen === 'tfrPath' && query.tfrPath ? { tfrPath: query.tfrPath } : {}),
    ...(draftScheme && draftId ? { draftScheme, draftVersionId: Number(draftId) } : {}),
  };
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['budgetForecast', q],
    queryFn: ({ signal }) => fetchBudgetForecast(q, signal),
    placeholderData: keepPreviousData,
  });
  const name = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const rows: Row[] = (data?.schemes ?? []).flatMap((s) => {
    const takeUp = !s.takeUp
      ? t('projection.budget.proactive')
      : s.takeUp.isDefault
        ? t('projection.budget.takeUpDefault')
        : `${basisPointsToPercent(s.takeUp.basisPoints)}%`;
    const out: Row[] = [{ key: s.schemeCode, label: name(s.name), takeUp, line: s.published, strong: true }];
    if (s.draft) {
      const d = s.draft.line;
      out.push({
        key: `${s.schemeCode}-draft`,
        label: t('projection.budget.draftRow', { version: s.draft.version }),
        takeUp: '',
        line: d,
      });
      out.push({
        key: `${s.schemeCode}-diff`,
        label: t('projection.budget.difference'),
        takeUp: '',
        line: {
          years: d.years.map((y, k) => ({ ...y, expectedFen: y.expectedFen - s.published.years[k]!.expectedFen })),
          amountFen: d.amountFen - s.published.amountFen,
          expectedFen: d.expectedFen - s.published.expectedFen,
        },
      });
    }
    return out;
  });
  const columns = [
    {
      key: 'scheme',
      title: t('projection.budget.scheme'),
      fixed: 'left' as const,
      width: 200,
      render: (_: unknown, r: Row) => (r.strong ? <Typography.Text strong>{r.label}</Typography.Text> : r.label),
    },
    { key: 'takeUp', title: t('projection.budget.takeUp'), dataIndex: 'takeUp', width: 110 },
    ...(data?.years ?? []).map((year, k) => ({
      key: String(year),
      title: String(year),
      align: 'right' as const,
      render: (_: unknown, r: Row) => fenToWan(r.line.years[k]?.expectedFen ?? 0),
    })),
    {
      key: 'total',
      title: t('projection.budget.total'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => <Typography.Text strong>{fenToWan(r.line.expectedFen)}</Typography.Text>,
    },
  ];
  const draftOptions = [
    { value: '', label: t('projection.budget.draftNone') },
    ...(data?.schemes ?? []).flatMap((s) =>
      s.drafts.map((d) => ({
        value: `${s.schemeCode}|${d.id}`,
        label: t('projection.budget.draftOption', { scheme: name(s.name), version: d.version }),
      })),
    ),
  ];
  const omitted = (data?.omitted ?? []).filter((o) => o.reason === 'notForChildren').map((o) => name(o.name));

  return (
    <Card
      size="small"
      title={t('projection.budget.title')}
      data-testid="budget-forecast"
      extra={
        <Space wrap>
          <span>{t('projection.budget.scenario')}</span>
          <Select
            value={chosen}
            onChange={setScenario}
            style={{ width: 140 }}
            options={scenarios.map((k) => ({ value: k, label: t(`projection.scenarios.${k}`) }))}
            data-testid="budget-forecast-scenario"
          />
          <span>{t('projection.budget.draft')}</span>
          <Select
            value={draft}
            onChange={setDraft}
            style={{ width: 260 }}
            options={draftOptions}
            data-testid="budget-forecast-draft"
          />
        </Space>
      }
    >
      <ApiErrorAlert error={error} onRetry={refetch} />
      {data && data.schemes.length === 0 ? (
        <Alert type="info" title={t('projection.budget.none')} />
      ) : (
        <Table
          size="small"
          rowKey="key"
          loading={isFetching}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="budget-forecast-table"
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('projection.budget.unit')}
      </Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 20, color: 'rgba(0,0,0,0.55)' }} data-testid="budget-forecast-notes">
        <li>{t('projection.budget.notes.projection', { scenario: t(`projection.scenarios.${chosen}`) })}</li>
        <li>{t('projection.budget.notes.rounding')}</li>
        <li>{t('projection.budget.notes.takeUp')}</li>
        <li>{t('projection.budget.notes.hukou')}</li>
        {omitted.length > 0 && (
          <li>{t('projection.budget.notes.omitted', { names: omitted.join(t('common.listSeparator')) })}</li>
        )}
      </ul>
    </Card>
  );
}
