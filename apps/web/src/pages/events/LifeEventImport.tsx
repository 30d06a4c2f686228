import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TEMPLATE_URL, eventErrorsCsvUrl, fetchEventImport, uploadEventImport } from '../../api/lifeEvents';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ImportErrorsTable } from '../import/ImportErrorsTable';
import { ImportJobStatus } from '../import/ImportJobStatus';
import { ImportUpload } from '../import/ImportUpload';
import { isFinished, useImportJob } from '../import/useImportJob';

/** 文件导入: the registry import's upload, progress and row errors, for a file of events. */
export function LifeEventImport({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<number | null>(null);
  const { job, error } = useImportJob(jobId, fetchEventImport);
  const finished = job ? isFinished(job.status) : false;
  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('events.import.title')}
        extra={
          <Button icon={<FileExcelOutlined />} href={EVENT_TEMPLATE_URL} download data-testid="event-template">
            {t('import.upload.template')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('events.import.hint')}</Typography.Paragraph>
        <ImportUpload upload={uploadEventImport} onUploaded={setJobId} />
      </Card>
      <ApiErrorAlert error={error} />
      {job && job.id === jobId && (
        <>
          <ImportJobStatus job={job} />
          {(finished || job.errors.length > 0) && (
            <ImportErrorsTable job={job} errorsUrl={eventErrorsCsvUrl} fieldPrefix="events.fields" />
          )}
        </>
      )}
    </Flex>
  );
}
