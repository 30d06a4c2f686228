import type { ImportJobDetail, ImportRowError } from '@cradle/contract';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { importErrorsCsvUrl } from '../../api/imports';
import { optionalLabel } from '../../lib/optionalLabel';

export function ImportErrorsTable({
  job,
  errorsUrl = importErrorsCsvUrl,
  fieldPrefix = 'fields',
}: {
  job: ImportJobDetail;
  /** The report's address: the persons import's unless given (life events). */
  errorsUrl?: (id: number) => string;
  fieldPrefix?: string;
}) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) =>
    field === 'file' ? t('import.errors.file') : optionalLabel(fieldPrefix, field);

  const columns: TableColumnsType<ImportRowError> = [
    { title: t('import.errors.row'), dataIndex: 'row', width: 100, align: 'right' },
    { title: t('import.errors.field'), dataIndex: 'field', width: 200, render: fieldLabel },
    { title: t('import.errors.message'), dataIndex: 'message' },
  ];

  const shown = job.errors.length;
  return (
    <Card
      title={t('import.errors.title')}
      extra={
        <Button icon={<DownloadOutlined />} href={errorsUrl(job.id)} download data-testid="import-errors-download">
          {t('import.errors.download')}
        </Button>
      }
    >
      {job.invalidRows > shown && shown > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('import.errors.truncated', { shown, total: job.invalidRows })}
          style={{ marginBottom: 16 }}
        />
      )}
      <div data-testid="import-errors">
        <Table<ImportRowError>
          // Two header warnings share row, field and code; the message names the column.
          rowKey={(e) => `${e.row}-${e.field}-${e.code}-${e.message}`}
          size="small"
          columns={columns}
          dataSource={job.errors}
          locale={{ emptyText: t('import.errors.none') }}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </div>
    </Card>
  );
}
