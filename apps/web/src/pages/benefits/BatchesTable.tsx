import type { BatchView, SchemeSummary } from '@cradle/contract';
import { Card, Progress, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { useLang } from '../../lib/useLang';
import { batchPercent } from './BatchProgress';
import { schemeName } from './schemeLabels';

type Props = {
  batches: readonly BatchView[] | undefined;
  loading: boolean;
  schemes: readonly SchemeSummary[] | undefined;
  selectedId: number | null;
  onSelect: (id: number) => void;
};

/** 最近的发放批次: the jurisdiction's latest batches; a click follows one below. */
export function BatchesTable({ batches, loading, schemes, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const nameOf = (code: string) => {
    const s = schemes?.find((x) => x.code === code);
    return s ? schemeName(s.name, lang) : code;
  };

  const columns: TableColumnsType<BatchView> = [
    { title: t('benefits.cycles.id'), dataIndex: 'id', render: (id: number) => `#${id}` },
    { title: t('benefits.cycles.scheme'), dataIndex: 'schemeCode', render: nameOf },
    {
      title: t('benefits.cycles.period'),
      dataIndex: 'periodKey',
      render: (p: string) => (p === 'once' ? t('benefits.frequency.once') : p),
    },
    {
      title: t('benefits.cycles.state'),
      dataIndex: 'status',
      render: (s: BatchView['status']) => (
        <Tag color={s === 'complete' ? 'success' : 'processing'}>{t(`benefits.cycles.status.${s}`)}</Tag>
      ),
    },
    {
      title: t('benefits.review.title'),
      dataIndex: 'stage',
      render: (s: BatchView['stage'], b) =>
        b.status === 'complete' ? <Tag data-stage={s}>{t(`benefits.cycles.stage.${s}`)}</Tag> : null,
    },
    {
      title: t('benefits.cycles.progress'),
      key: 'progress',
      width: 180,
      render: (_, b) => (
        <Progress percent={batchPercent(b)} size="small" status={b.status === 'complete' ? 'success' : 'active'} />
      ),
    },
    {
      title: t('benefits.cycles.paymentCount'),
      dataIndex: 'paymentCount',
      align: 'right',
      render: (n: number) => formatInteger(n, lang),
    },
    { title: t('benefits.cycles.total'), dataIndex: 'totalFen', align: 'right', render: (f: number) => formatFen(f) },
  ];

  return (
    <Card title={t('benefits.cycles.recent')}>
      <Table<BatchView>
        className="clickable-rows"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={batches ? [...batches] : undefined}
        loading={loading && !batches}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('benefits.cycles.recentEmpty') }}
        rowClassName={(b) => (b.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(b) => ({ onClick: () => onSelect(b.id) })}
        data-testid="batches-table"
      />
    </Card>
  );
}
