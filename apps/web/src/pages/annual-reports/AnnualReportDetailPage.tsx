import type { AnnualReportDetail, ReportFigure } from '@cradle/contract';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { decideAnnualReport, fetchAnnualReport, saveAnnualReport, submitAnnualReport } from '../../api/annualReports';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { useLang } from '../../lib/useLang';

/** One township's report: the frozen figures, the township's text, the county's review. */
export function AnnualReportDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['fetchAnnualReport', id], queryFn: ({ signal }) => fetchAnnualReport(id, signal) });
  return (
    <Flex vertical gap={16}>
      <Link to="/annual-reports">{t('annualReports.back')}</Link>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {q.data && <ReportView report={q.data} />}
    </Flex>
  );
}

function ReportView({ report }: { report: AnnualReportDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [body, setBody] = useState(report.body);
  const [reason, setReason] = useState('');
  const writable = me.roles.includes('townshipWorker') && (report.status === 'open' || report.status === 'sentBack');
  const reviewer = me.roles.includes('countyAdmin') && report.status === 'submitted';
  const done = (text: string) => (r: AnnualReportDetail) => {
    void message.success(text);
    client.setQueryData(['fetchAnnualReport', r.id], r);
    void client.invalidateQueries({ queryKey: ['fetchAnnualReports'] });
  };
  const fail = (e: unknown) => void message.error(errorText(e));
  const save = useMutation({
    mutationFn: () => saveAnnualReport(report.id, body),
    onSuccess: done(t('annualReports.saved')),
    onError: fail,
  });
  const submit = useMutation({
    mutationFn: () => submitAnnualReport(report.id, body),
    onSuccess: done(t('annualReports.submitted')),
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'sendBack') => decideAnnualReport(report.id, { decision, note: reason || null }),
    onSuccess: done(t('annualReports.decided')),
    onError: fail,
  });
  const w = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const value = (f: ReportFigure) => {
    if (f.unit === 'indicator') {
      const v = f.value === null ? t('common.none') : Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
      return `${v} ${f.unitLabel ? w(f.unitLabel) : ''}（${t('annualReports.target', { target: f.target ?? '' })}）`;
    }
    if (f.value === null) return t('common.none');
    if (f.unit === 'fraction') return `${(f.value * 100).toFixed(1)}%`;
    if (f.unit === 'fen') return formatFen(f.value);
    return String(f.value);
  };
  return (
    <>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {report.regionName} · {report.year} · {t(`annualReports.statuses.${report.status}`)}
        {report.overdue && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            {t('annualReports.overdue')}
          </Tag>
        )}
      </Typography.Title>
      <Typography.Text>{t('annualReports.due', { date: report.dueDate })}</Typography.Text>
      {report.status === 'sentBack' && report.decisionNote && (
        <Alert type="warning" showIcon title={t('annualReports.reason', { note: report.decisionNote })} />
      )}
      <Card title={t('annualReports.figures')} extra={t('annualReports.asOf', { date: report.figures.asOf })}>
        <Flex vertical gap={16}>
          {report.figures.groups.map((g) => (
            <Descriptions key={g.key} title={w(g.title)} size="small" bordered column={2}>
              {g.figures.map((f) => (
                <Descriptions.Item key={f.key} label={w(f.label)}>
                  {value(f)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ))}
        </Flex>
      </Card>
      <Card title={t('annualReports.body')}>
        <Flex vertical gap={12}>
          {writable ? (
            <Input.TextArea
              rows={10}
              value={body}
              maxLength={20000}
              placeholder={t('annualReports.bodyPlaceholder')}
              onChange={(e) => setBody(e.target.value)}
              data-testid="annual-report-body"
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {report.body || t('common.none')}
            </Typography.Paragraph>
          )}
          {report.submittedAt && (
            <Typography.Text type="secondary">
              {report.submittedByName} · {formatDateTime(report.submittedAt)}
            </Typography.Text>
          )}
          {writable && (
            <Space>
              <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="annual-report-save">
                {t('annualReports.save')}
              </Button>
              <Button
                type="primary"
                loading={submit.isPending}
                onClick={() => submit.mutate()}
                data-testid="annual-report-submit"
              >
                {t('annualReports.submit')}
              </Button>
            </Space>
          )}
          {reviewer && (
            <Flex vertical gap={8} style={{ maxWidth: 560 }}>
              <Input
                placeholder={t('annualReports.sendBackReason')}
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                data-testid="annual-report-reason"
              />
              <Space>
                <Button
                  type="primary"
                  loading={decide.isPending}
                  onClick={() => decide.mutate('accept')}
                  data-testid="annual-report-accept"
                >
                  {t('annualReports.accept')}
                </Button>
                <Button
                  danger
                  loading={decide.isPending}
                  onClick={() => decide.mutate('sendBack')}
                  data-testid="annual-report-send-back"
                >
                  {t('annualReports.sendBack')}
                </Button>
              </Space>
            </Flex>
          )}
        </Flex>
      </Card>
    </>
  );
}
