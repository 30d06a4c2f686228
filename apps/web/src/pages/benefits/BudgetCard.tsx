import type { BudgetView, VersionView } from '@cradle/contract';
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

type Period = BudgetView['next12Months'][number];
type Props = { schemeCode: string; versions: readonly VersionView[]; jurisdictionName: string };

/** 预算: paid to date, committed, and the next 12 months' cost — as in force, or as a draft version would make it. */
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

  const columns: TableColumnsType<Period> = [
    {
      title: t('benefits.budget.period'),
      dataIndex: 'period',
      render: (p: string) => (p === 'once' ? t('benefits.frequency.once') : p),
    },
    {
      title: t('benefits.budget.count'),
      dataIndex: 'count',
      align: 'right',
      render: (n: number) => formatInteger(n, lang),
    },
    { title: t('benefits.budget.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => formatFen(f) },
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
              allowClear
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
        {t('benefits.budget.hint', { region: jurisdictionName })}
      </Typography.Paragraph>
      <ApiErrorAlert error={budget.error} onRetry={budget.refetch} />
      {b && b.assumingVersion !== null && (
        <Tag color="orange" style={{ marginBottom: 16 }} data-testid="budget-assuming">
          {t('benefits.budget.assuming', { version: b.assumingVersion })}
        </Tag>
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Statistic
            title={t('benefits.budget.paid')}
            value={b ? formatFen(b.paidFen) : none}
            loading={budget.isFetching && !b}
            data-testid="budget-paid"
          />
          {b && <Typography.Text type="secondary">{people(b.paidCount)}</Typography.Text>}
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title={t('benefits.budget.committed')}
            value={b ? formatFen(b.committedFen) : none}
            loading={budget.isFetching && !b}
            data-testid="budget-committed"
          />
          {b && <Typography.Text type="secondary">{people(b.committedCount)}</Typography.Text>}
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title={t('benefits.budget.next12')}
            value={b ? formatFen(b.next12MonthsFen) : none}
            loading={budget.isFetching && !b}
            data-testid="budget-next12"
          />
        </Col>
      </Row>
      <Table<Period>
        rowKey="period"
        size="small"
        pagination={false}
        loading={budget.isFetching}
        columns={columns}
        dataSource={b?.next12Months}
        locale={{ emptyText: t('benefits.budget.noPeriods') }}
        data-testid="budget-periods"
      />
    </Card>
  );
}
