import type { Scorecard } from '@cradle/contract';
import { Flex, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { countsText, figure, intervalText, StatusTag, useClause, useMessage } from './words';

type Row = Scorecard['rows'][number];
const COMPARISON = { atMost: '≤', atLeast: '≥', equal: '=' } as const;

/** Each target with its value, status, counts, interval, small-number note and clause; readings expand. */
export function ScorecardTable({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const msg = useMessage();
  const clause = useClause();
  const columns: TableColumnsType<Row> = [
    {
      title: t('monitoring.indicator'),
      key: 'indicator',
      render: (_, r) => (
        <Link to={`/monitoring/indicators/${r.indicator.code}?region=${card.region.code}`} data-testid="indicator-link">
          {msg(r.indicator.name)}
        </Link>
      ),
    },
    {
      title: t('monitoring.target'),
      key: 'target',
      render: (_, r) => `${COMPARISON[r.target.comparison]} ${r.target.value} ${msg(r.indicator.unit)}`,
    },
    {
      title: t('monitoring.value'),
      key: 'value',
      align: 'right',
      render: (_, r) => (
        <span data-testid="target-value">
          {figure(r.current.value)} {r.current.value === null ? '' : msg(r.indicator.unit)}
        </span>
      ),
    },
    {
      title: t('monitoring.statusTitle'),
      key: 'status',
      render: (_, r) => (
        <Tooltip title={msg(r.current.reasonText)}>
          <span>
            <StatusTag value={r.current} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('monitoring.counts'),
      key: 'counts',
      align: 'right',
      render: (_, r) => <span data-testid="target-counts">{countsText(r.current)}</span>,
    },
    { title: t('monitoring.interval'), key: 'interval', render: (_, r) => intervalText(r.current) },
    {
      title: t('monitoring.smallNumbersTitle'),
      key: 'few',
      render: (_, r) =>
        r.current.tooFewToJudge ? (
          <Typography.Text type="warning">{t('monitoring.smallNumbers')}</Typography.Text>
        ) : null,
    },
    {
      title: t('monitoring.clause'),
      key: 'clause',
      render: (_, r) => <span data-testid="target-clause">{clause(r.target.basis)}</span>,
    },
  ];
  return (
    <Table
      rowKey={(r) => `${r.target.indicator}-${r.target.comparison}-${r.target.value}`}
      columns={columns}
      dataSource={card.rows}
      pagination={false}
      size="middle"
      data-testid="scorecard-table"
      expandable={{
        expandedRowRender: (r) => (
          <Flex vertical gap={4}>
            <Typography.Text>
              <InfoCircleOutlined /> {msg(r.current.reasonText)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('monitoring.quote')}：{r.target.quote}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('monitoring.definition')}：{msg(r.indicator.definition)}
            </Typography.Text>
            {[...r.target.readings, ...r.indicator.readings].map((x, i) => (
              <Typography.Text key={i}>
                {t(`monitoring.readingBy.${x.by}`)}：{msg(x.note)}
              </Typography.Text>
            ))}
          </Flex>
        ),
      }}
    />
  );
}
