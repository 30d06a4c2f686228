import type { ChildRegionStats, Dashboard, QualityIndicator } from '@cradle/contract';
import { Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { exportRegionTable } from '../../api/registry';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { QUALITY_INDICATORS, qualityStatus } from './quality';

type Props = { data: Dashboard; onOpen: (code: string) => void };

export function RegionTable({ data, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { targets } = data.quality;

  const qualityColumn = (kind: QualityIndicator) => ({
    title: t(`dashboard.quality.${kind}`),
    dataIndex: kind,
    align: 'right' as const,
    render: (value: number | null) => {
      const status = qualityStatus(value, targets[kind]);
      if (status === 'noData') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
      return (
        <Typography.Text type={status === 'met' ? 'success' : 'danger'}>{formatPercent(value, lang)}</Typography.Text>
      );
    },
  });

  const columns: TableColumnsType<ChildRegionStats> = [
    {
      title: t('dashboard.regions.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      title: t('dashboard.regions.level'),
      dataIndex: 'level',
      render: (level: ChildRegionStats['level']) => t(`regionLevels.${level}`),
    },
    {
      title: t('dashboard.regions.population'),
      dataIndex: 'population',
      align: 'right',
      render: (v: number) => formatInteger(v, lang),
    },
    {
      title: t('dashboard.regions.births'),
      dataIndex: 'births',
      align: 'right',
      render: (v: number) => formatInteger(v, lang),
    },
    ...QUALITY_INDICATORS.map(qualityColumn),
  ];

  return (
    <Card
      title={t('dashboard.regions.title')}
      extra={
        <Flex align="center" gap={12}>
          <Typography.Text type="secondary">{t('dashboard.regions.hint')}</Typography.Text>
          <ExportXlsxButton download={() => exportRegionTable(data.region.code)} testId="regions-export" />
        </Flex>
      }
    >
      <Table<ChildRegionStats>
        data-testid="region-children"
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={data.children}
        pagination={data.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('dashboard.regions.empty') }}
        onRow={(row) => ({ onClick: () => onOpen(row.code), style: { cursor: 'pointer' } })}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
