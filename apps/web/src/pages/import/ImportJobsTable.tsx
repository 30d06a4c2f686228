import type { ImportJob } from '@cradle/contract';
import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { ImportStatusTag } from './ImportStatusTag';
import { exportImports } from '../../api/imports';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';

type Props = {
  jobs: ImportJob[] | undefined;
  loading: boolean;
  selectedId: number | null;
  onOpen: (id: number) => void;
};

export function ImportJobsTable({ jobs, loading, selectedId, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatInteger(v, lang);

  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('import.job.fileName'),
      dataIndex: 'fileName',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    { title: t('import.job.format'), dataIndex: 'format', render: (f: string) => f.toUpperCase() },
    {
      title: t('import.job.status'),
      dataIndex: 'status',
      render: (s: ImportJob['status']) => <ImportStatusTag status={s} />,
    },
    { title: t('import.counts.valid'), dataIndex: 'validRows', align: 'right', render: n },
    { title: t('import.counts.invalid'), dataIndex: 'invalidRows', align: 'right', render: n },
    { title: t('import.counts.inserted'), dataIndex: 'inserted', align: 'right', render: n },
    { title: t('import.counts.updated'), dataIndex: 'updated', align: 'right', render: n },
    { title: t('import.job.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('import.job.finishedAt'),
      dataIndex: 'finishedAt',
      render: (v: string | null) => formatDateTime(v) ?? t('common.none'),
    },
  ];

  return (
    <Card
      title={t('import.recent.title')}
      extra={<ExportXlsxButton download={exportImports} testId="imports-export" />}
    >
      <Table<ImportJob>
        data-testid="import-jobs"
        className="clickable-rows"
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={jobs ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('import.recent.empty') }}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        rowClassName={(job) => (job.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(job) => ({ onClick: () => onOpen(job.id) })}
      />
    </Card>
  );
}
