import type { AnnualReportSummary } from '@cradle/contract';
import { App, Button, Card, Flex, InputNumber, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { downloadSummary, exportAnnualReports, fetchAnnualReports, openAnnualReports } from '../../api/annualReports';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { useMe } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { DeadlineCard } from './DeadlineCard';
import { DownloadButton } from './DownloadButton';

/** 乡镇年度人口工作报告 (issue 15): the county opens a year and reviews; townships write theirs. */
export function AnnualReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const county = me.roles.includes('countyAdmin');
  const printer = county || me.roles.includes('leader');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  // ?year=2025 opens that year (a link from elsewhere, a bookmark); this year otherwise.
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || new Date().getFullYear());
  const q = useQuery({
    queryKey: ['fetchAnnualReports', year],
    queryFn: ({ signal }) => fetchAnnualReports(year, signal),
    placeholderData: keepPreviousData,
  });
  const open = useMutation({
    mutationFn: () => openAnnualReports(year),
    onSuccess: (r) => {
      void message.success(t('annualReports.opened', { count: r.opened }));
      void client.invalidateQueries({ queryKey: ['fetchAnnualReports'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const columns: TableColumnsType<AnnualReportSummary> = [
    {
      title: t('annualReports.township'),
      dataIndex: 'regionName',
      width: 160,
      render: (name: string, r) => <Link to={`/annual-reports/${r.id}`}>{name}</Link>,
    },
    { title: t('annualReports.dueDate'), dataIndex: 'dueDate', width: 120 },
    {
      title: t('annualReports.status'),
      dataIndex: 'status',
      width: 200,
      render: (s: AnnualReportSummary['status'], r) => (
        <>
          {t(`annualReports.statuses.${s}`)}
          {r.overdue && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('annualReports.overdue')}
            </Tag>
          )}
          {r.submittedLate && (
            <Tag color="orange" style={{ marginLeft: 6 }}>
              {t('annualReports.late')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('annualReports.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v) ?? t('common.none'),
    },
    {
      title: t('annualReports.decidedBy'),
      dataIndex: 'decidedByName',
      width: 140,
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('annualReports.title')}
      </Typography.Title>
      <Card
        extra={
          <Flex gap={8} wrap>
            {printer && (
              <>
                <DownloadButton
                  label={`${t('annualReports.summary')} · ${t('annualReports.summaryPdf')}`}
                  download={() => downloadSummary(year, 'pdf')}
                  testId="annual-summary-pdf"
                />
                <DownloadButton
                  label={t('annualReports.summaryDocx')}
                  download={() => downloadSummary(year, 'docx')}
                  testId="annual-summary-docx"
                />
              </>
            )}
            <ExportXlsxButton download={() => exportAnnualReports(year)} testId="annual-reports-export" />
          </Flex>
        }
      >
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <span>{t('annualReports.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            data-testid="annual-reports-year"
          />
          {q.data && <Typography.Text>{t('annualReports.due', { date: q.data.dueDate })}</Typography.Text>}
          {county && q.data && q.data.notOpened > 0 && (
            <>
              <Typography.Text type="warning">
                {t('annualReports.notOpened', { count: q.data.notOpened })}
              </Typography.Text>
              <Button
                type="primary"
                loading={open.isPending}
                onClick={() => open.mutate()}
                data-testid="annual-reports-open"
              >
                {t('annualReports.open')}
              </Button>
            </>
          )}
        </Flex>
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={q.data?.rows}
          loading={q.isFetching}
          pagination={false}
          data-testid="annual-reports-table"
        />
      </Card>
      <DeadlineCard />
    </Flex>
  );
}
