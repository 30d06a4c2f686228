import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { IMPORT_TEMPLATE_CSV_URL, IMPORT_TEMPLATE_URL, fetchImports } from '../../api/imports';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ImportErrorsTable } from './ImportErrorsTable';
import { ImportJobStatus } from './ImportJobStatus';
import { ImportJobsTable } from './ImportJobsTable';
import { ImportUpload } from './ImportUpload';
import { isFinished, useImportJob } from './useImportJob';

export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('job'));
  const jobId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const { job, error } = useImportJob(jobId);
  const recent = useQuery({
    queryKey: ['fetchImports'],
    queryFn: ({ signal }) => fetchImports(signal),
    placeholderData: keepPreviousData,
  });
  const finished = job ? isFinished(job.status) : false;
  const { refetch: reload } = recent;

  // Refresh the list when the followed job settles, so its final counts appear there too.
  useEffect(() => {
    if (finished) void reload();
  }, [finished, reload]);

  const open = (id: number) => setParams({ job: String(id) });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<FileExcelOutlined />} href={IMPORT_TEMPLATE_URL} download data-testid="import-template">
            {t('import.upload.template')}
          </Button>
          <Button type="link" href={IMPORT_TEMPLATE_CSV_URL} download data-testid="import-template-csv">
            {t('import.upload.templateCsv')}
          </Button>
        </Flex>
      </Flex>
      <Card>
        <ImportUpload
          onUploaded={(id) => {
            open(id);
            void reload();
          }}
        />
      </Card>
      <ApiErrorAlert error={error} />
      {job && job.id === jobId && (
        <>
          <ImportJobStatus job={job} />
          {(finished || job.errors.length > 0) && <ImportErrorsTable job={job} />}
        </>
      )}
      <ApiErrorAlert error={recent.error} onRetry={reload} />
      <ImportJobsTable jobs={recent.data} loading={recent.isFetching} selectedId={jobId} onOpen={open} />
    </Flex>
  );
}
