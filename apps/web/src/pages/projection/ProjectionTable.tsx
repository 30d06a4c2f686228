import type { ProjectionQuery, ProjectionView, ProjectionYear, ScenarioKind } from '@cradle/contract';
import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportProjection } from '../../api/projection';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';

const COUNTS = [
  'total',
  'births',
  'under3',
  'preschool',
  'primary',
  'juniorSecondary',
  'aged60Plus',
  'aged80Plus',
] as const;

/** The table by year of one scenario; the export holds every scenario's. */
export function ProjectionTable({ data, query }: { data: ProjectionView; query: ProjectionQuery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [scenario, setScenario] = useState<ScenarioKind>('medium');
  const shown = data.scenarios.find((s) => s.scenario === scenario) ?? data.scenarios[0]!;
  // Whole persons, half up, as the export writes them.
  const persons = (v: number | null) => (v === null ? '—' : formatInteger(Math.floor(v + 0.5), lang));
  const columns = [
    { key: 'year', dataIndex: 'year', title: t('projection.table.year'), fixed: 'left' as const, width: 72 },
    ...COUNTS.map((k) => ({
      key: k,
      title: t(`projection.table.${k}`),
      align: 'right' as const,
      render: (_: unknown, y: ProjectionYear) => persons(y[k]),
    })),
    {
      key: 'tfr',
      title: t('projection.table.tfr'),
      align: 'right' as const,
      render: (_: unknown, y: ProjectionYear) => (y.tfr === null ? '—' : y.tfr.toFixed(2)),
    },
  ];
  return (
    <Card
      size="small"
      title={t('projection.table.title')}
      extra={
        <Space>
          <Segmented
            value={scenario}
            onChange={(v) => setScenario(v)}
            options={data.scenarios.map((s) => ({ value: s.scenario, label: t(`projection.scenarios.${s.scenario}`) }))}
            data-testid="projection-table-scenario"
          />
          <ExportXlsxButton download={() => exportProjection(query)} testId="projection-export" />
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="year"
        columns={columns}
        dataSource={shown.years}
        pagination={false}
        scroll={{ y: 360, x: 'max-content' }}
        data-testid="projection-table"
      />
      <Typography.Text type="secondary">{t('projection.table.ageNote')}</Typography.Text>
    </Card>
  );
}
