import type { League } from '@cradle/contract';
import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { countsText, figure, StatusTag, useMessage } from './words';

type Row = League['rows'][number];

/** The targets for each child region, red/amber/green; a region's name drills down. */
export function LeagueTable({ league, onOpen }: { league: League; onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const msg = useMessage();
  const columns: TableColumnsType<Row> = [
    {
      title: t('monitoring.region'),
      key: 'region',
      fixed: 'left',
      render: (_, r) =>
        r.hasChildren ? (
          <Typography.Link onClick={() => onOpen(r.region.code)} data-testid="league-region">
            {r.region.name}
          </Typography.Link>
        ) : (
          <span data-testid="league-region">{r.region.name}</span>
        ),
    },
    ...league.targets.map((x, i) => ({
      title: `${msg(x.indicator.name)}（${x.target.comparison === 'atMost' ? '≤' : x.target.comparison === 'atLeast' ? '≥' : '='}${x.target.value}）`,
      key: `t${i}`,
      render: (_: unknown, r: Row) => (
        <Flex vertical gap={2}>
          <span>
            {figure(r.cells[i]!.value)} <StatusTag value={r.cells[i]!} />
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {countsText(r.cells[i]!)}
            {r.cells[i]!.tooFewToJudge ? ` · ${t('monitoring.fewShort')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    })),
  ];
  return (
    <Table
      rowKey={(r) => r.region.code}
      columns={columns}
      dataSource={league.rows}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="league-table"
      locale={{ emptyText: t('monitoring.noChildren') }}
    />
  );
}
