import type { BudgetFigure, BudgetPeriod, BudgetView, VersionView } from '@cradle/contract';
import { FundOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBudget } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInteger } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { TakeUpAssumption } from './TakeUpAssumption';

type Props = { schemeCode: string; versions: readonly VersionView[]; jurisdictionName: string };

/**
 * 预算: paid, committed, the backlog the registry says is owed (periods begun, not paid) and the
 * next 12 months — as in force, or as a draft version would make it. For a scheme paid on
 * application, the take-up rate it assumes is shown beside the figures it changes.
 */
export function BudgetCard({ schemeCode, versions, jurisdictionName }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draftId, setDraftId] = useState<number>();
  const budget = useQuery({
    queryKey: ['fetchBudget', schemeCode, draftId],
    queryFn: ({ signal }) => fetchBudget(schemeCode, draftId, signal),
    placeholderData: keepPreviousData,
  });
  const drafts = versions.filter((v) => v.status !== 'published');
  const b = budget.data;
  const none = t('common.none');
  const people = (count: number) => t('benefits.budget.people', { n: formatInteger(count, lang) });
  const figure = (f: BudgetFigure | null) =>
    f === null ? none : t('benefits.budget.figure', { amount: formatFen(f.amountFen), people: people(f.count) });
  const loading = budget.isFetching && !b;

  const columns: TableColumnsType<BudgetPeriod> = [
    {
      title: t('benefits.budget.period'),
      dataIndex: 'period',
      render: (p: string, row) => (
        <Flex gap={8} align="center">
          {p === 'once' ? t('benefits.frequency.once') : p}
          <Tag color={row.due ? 'volcano' : 'blue'}>{t(row.due ? 'benefits.budget.due' : 'benefits.budget.ahead')}</Tag>
        </Flex>
      ),
    },
    ...(b?.registryEstimate
      ? [
          {
            title: t('benefits.budget.registryOwed'),
            key: 'registry',
            align: 'right' as const,
            render: (_: unknown, row: BudgetPeriod) => figure(row.registry),
          },
        ]
      : []),
    ...(b?.paidOnApplication
      ? [
          {
            title: t('benefits.budget.approvedUnpaid'),
            key: 'approved',
            align: 'right' as const,
            render: (_: unknown, row: BudgetPeriod) => figure(row.approved),
          },
        ]
      : []),
    {
      title: t('benefits.budget.expected'),
      dataIndex: 'expectedFen',
      align: 'right',
      render: (f: number) => formatFen(f),
    },
  ];

  return (
    <Card
      title={
        <>
          <FundOutlined /> {t('benefits.budget.title')}
        </>
      }
      extra={
        drafts.length > 0 && (
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t('benefits.budget.assume')}</Typography.Text>
            <Select<number>
              value={draftId}
              allowClear={{ label: t('common.clear') }}
              placeholder={t('benefits.budget.assumeNone')}
              style={{ width: 280 }}
              onChange={(v) => setDraftId(v)}
              options={drafts.map((v) => ({
                value: v.id,
                label: t('benefits.budget.versionOption', {
                  n: v.version,
                  status: t(`benefits.versionStatus.${v.status}`),
                  from: v.effectiveFrom,
                }),
              }))}
              data-testid="budget-draft"
            />
          </Flex>
        )
      }
      data-testid="budget-card"
    >
      <Typography.Paragraph type="secondary">
        {t('benefits.budget.hint', { region: jurisdictionName, date: b?.asOf ?? '' })}
      </Typography.Paragraph>
      <ApiErrorAlert error={budget.error} onRetry={budget.refetch} />
      {b && b.assumingVersion !== null && (
        <Tag color="orange" style={{ marginBottom: 16 }} data-testid="budget-assuming">
          {t('benefits.budget.assuming', { version: b.assumingVersion })}
        </Tag>
      )}
      {b && <TakeUpAssumption budget={b} onChanged={() => void budget.refetch()} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={6}>
          <Statistic
            title={t('benefits.budget.paid')}
            value={b ? formatFen(b.paidFen) : none}
            loading={loading}
            data-testid="budget-paid"
          />
          {b && <Typography.Text type="secondary">{people(b.paidCount)}</Typography.Text>}
        </Col>
        <Col xs={24} md={6}>
          <Statistic
            title={t('benefits.budget.committed')}
            value={b ? formatFen(b.committedFen) : none}
            loading={loading}
            data-testid="budget-committed"
          />
          {b && <Typography.Text type="secondary">{people(b.committedCount)}</Typography.Text>}
        </Col>
        <Col xs={24} md={6}>
          <Statistic
            title={t('benefits.budget.backlog')}
            value={b ? formatFen(b.backlog.expectedFen) : none}
            loading={loading}
            data-testid="budget-backlog"
          />
          {b && <SectionBreakdown view={b} section={b.backlog} figure={figure} />}
        </Col>
        <Col xs={24} md={6}>
          <Statistic
            title={t('benefits.budget.next12')}
            value={b ? formatFen(b.next12Months.expectedFen) : none}
            loading={loading}
            data-testid="budget-next12"
          />
          {b && <SectionBreakdown view={b} section={b.next12Months} figure={figure} />}
        </Col>
      </Row>
      <Table<BudgetPeriod>
        rowKey="period"
        size="small"
        pagination={false}
        loading={budget.isFetching}
        columns={columns}
        dataSource={b ? [...b.backlog.periods, ...b.next12Months.periods] : []}
        locale={{ emptyText: t('benefits.budget.noPeriods') }}
        data-testid="budget-periods"
      />
    </Card>
  );
}

/** Under a figure: what the registry says is owed and, of it, what is approved (schemes paid on application). */
function SectionBreakdown({
  view,
  section,
  figure,
}: {
  view: BudgetView;
  section: BudgetView['backlog'];
  figure: (f: BudgetFigure | null) => string;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      {section.registry && (
        <Typography.Text type="secondary">
          {t('benefits.budget.registryLine', { figure: figure(section.registry) })}
        </Typography.Text>
      )}
      {view.paidOnApplication && section.approved && (
        <Typography.Text type="secondary">
          {t('benefits.budget.approvedLine', { figure: figure(section.approved) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
