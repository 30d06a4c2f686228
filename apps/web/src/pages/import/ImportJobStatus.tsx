import type { ImportJob } from '@cradle/contract';
import { Alert, Card, Col, Descriptions, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { ImportStatusTag } from './ImportStatusTag';
import { isFinished } from './useImportJob';

const COUNTS = ['validRows', 'invalidRows', 'inserted', 'updated', 'unchanged'] as const;
const COUNT_LABEL = {
  validRows: 'valid',
  invalidRows: 'invalid',
  inserted: 'inserted',
  updated: 'updated',
  unchanged: 'unchanged',
} as const;

function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const lang = useLang();
  const processed = formatInteger(job.processedRows, lang);
  const status = job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active';

  // A job that ended before its rows were counted (a file it could not read) says so, not "counting".
  if (job.totalRows === null && isFinished(job.status)) {
    return (
      <div data-testid="import-progress" data-state={job.status}>
        <Progress percent={100} showInfo={false} status={status} />
        <Typography.Text type="secondary">{t('import.job.rowsProcessed', { processed })}</Typography.Text>
      </div>
    );
  }
  // Until the reader has counted the rows there is no total: show a moving bar, not a made-up percentage.
  if (job.totalRows === null) {
    return (
      <div data-testid="import-progress" data-state="indeterminate">
        <Progress percent={100} showInfo={false} status="active" strokeColor="#91caff" />
        <Typography.Text type="secondary">{t('import.job.rowsUnknown', { processed })}</Typography.Text>
      </div>
    );
  }
  const percent = job.totalRows === 0 ? 100 : Math.floor((job.processedRows / job.totalRows) * 100);
  return (
    <div data-testid="import-progress" data-state={job.status}>
      <Progress percent={percent} status={status} />
      <Typography.Text type="secondary">
        {t('import.job.rows', { processed, total: formatInteger(job.totalRows, lang) })}
      </Typography.Text>
    </div>
  );
}

export function ImportJobStatus({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = t('common.none');

  return (
    <Card title={t('import.job.title')} extra={<ImportStatusTag status={job.status} />}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'file', label: t('import.job.fileName'), children: job.fileName },
          { key: 'created', label: t('import.job.createdAt'), children: formatDateTime(job.createdAt) ?? none },
          { key: 'finished', label: t('import.job.finishedAt'), children: formatDateTime(job.finishedAt) ?? none },
        ]}
      />
      <JobProgress job={job} />
      {job.failure && (
        <Alert
          type="error"
          showIcon
          title={t('import.job.failed')}
          description={job.failure.message}
          style={{ marginTop: 16 }}
          data-testid="import-failure"
        />
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="import-summary">
        {COUNTS.map((key) => (
          <Col key={key} xs={12} sm={8} lg={4}>
            <Statistic
              title={t(`import.counts.${COUNT_LABEL[key]}`)}
              value={formatInteger(job[key], lang)}
              styles={{ content: key === 'invalidRows' && job[key] > 0 ? { color: '#cf1322' } : undefined }}
              data-testid={`import-count-${COUNT_LABEL[key]}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
