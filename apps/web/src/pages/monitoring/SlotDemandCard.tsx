import type { Scorecard } from '@cradle/contract';
import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportProjection, fetchProjection } from '../../api/projection';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';

const YEARS = 5;

/**
 * Demand for slots (issue 14): children under 3 in the projection's medium scenario, year by
 * year, against the slots filed at the end of the scorecard's year. Shown with the slot targets;
 * hidden for those who may not read the projection, or where it has no population.
 */
export function SlotDemandCard({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const slotsRow = card.rows.find((r) => r.target.indicator === 'childcareSlots');
  const projection = useQuery({
    queryKey: ['slotDemand', card.region.code],
    queryFn: ({ signal }) => fetchProjection({ region: card.region.code, years: YEARS }, signal),
    enabled: slotsRow !== undefined,
    retry: false,
  });
  const medium = projection.data?.scenarios.find((s) => s.scenario === 'medium');
  if (!slotsRow || !medium) return null;
  const slots = slotsRow.current.value ?? 0;
  const rows = medium.years.map((y) => ({
    year: y.year,
    under3: Math.round(y.under3),
    per100: y.under3 > 0 ? ((slots / y.under3) * 100).toFixed(1) : '—',
  }));
  return (
    <Card
      title={t('monitoring.slotDemand.title')}
      data-testid="slot-demand"
      // The projection's own table by year (children under 3 among its columns), audited.
      extra={
        <ExportXlsxButton
          download={() => exportProjection({ region: card.region.code, years: YEARS })}
          testId="export-slot-demand"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {t('monitoring.slotDemand.note', { year: card.year, slots })}
      </Typography.Paragraph>
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('monitoring.slotDemand.year'), dataIndex: 'year', width: 100 },
          { title: t('monitoring.slotDemand.under3'), dataIndex: 'under3', align: 'right' },
          { title: t('monitoring.slotDemand.slots'), key: 'slots', align: 'right', render: () => slots },
          { title: t('monitoring.slotDemand.per100'), dataIndex: 'per100', align: 'right' },
        ]}
      />
    </Card>
  );
}
