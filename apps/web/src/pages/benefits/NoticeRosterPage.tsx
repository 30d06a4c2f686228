import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { downloadNoticeRosterXlsx, fetchNoticeRoster, fetchPaymentBatch, fetchSchemes } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../lib/auth';
import { fenToYuanText } from '../../lib/money';
import { useLang } from '../../lib/useLang';
import { schemeName } from './schemeLabels';

/**
 * 公示名单, printable: the batch's payees as a village notice board shows them (names masked,
 * 张*华), village and amount, the notice period, and places for the seal and date. Outside the
 * console's frame, so the browser prints the document alone.
 */
export function NoticeRosterPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const id = Number(useParams().id);
  const batch = useQuery({
    queryKey: ['fetchPaymentBatch', id],
    queryFn: ({ signal }) => fetchPaymentBatch(id, signal),
  });
  const roster = useQuery({
    queryKey: ['fetchNoticeRoster', id],
    queryFn: ({ signal }) => fetchNoticeRoster(id, signal),
  });
  const schemes = useQuery({ queryKey: ['fetchSchemes'], queryFn: ({ signal }) => fetchSchemes(signal) });
  const download = useMutation({ mutationFn: () => downloadNoticeRosterXlsx(id) });
  const error = batch.error ?? roster.error ?? schemes.error;
  if (error) return <ApiErrorAlert error={error} />;
  if (!batch.data || !roster.data) return <PageLoading />;
  const b = batch.data;
  const s = schemes.data?.find((x) => x.code === b.schemeCode);
  const scheme = s ? schemeName(s.name, lang) : b.schemeCode;
  const total = roster.data.items.reduce((sum, r) => sum + r.amountFen, 0);

  return (
    <div className="notice-page" data-testid="notice-roster">
      <Space className="no-print" style={{ marginBottom: 24 }} wrap>
        <Link to={`/payment-cycles?batch=${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('benefits.notice.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="notice-print">
          {t('benefits.notice.print')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={download.isPending}
          onClick={() => download.mutate()}
          data-testid="notice-export"
        >
          {t('benefits.roster.export')}
        </Button>
      </Space>
      <ApiErrorAlert error={download.error} />
      {!b.noticeFrom && (
        <Alert className="no-print" type="warning" showIcon title={t('benefits.notice.notPublished')} />
      )}
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {t('benefits.notice.title', { scheme })}
      </Typography.Title>
      <Typography.Paragraph>{t('benefits.notice.intro', { scheme })}</Typography.Paragraph>
      {b.noticeFrom && b.noticeUntil && (
        <Typography.Paragraph strong data-testid="notice-period">
          {t('benefits.notice.period', { from: b.noticeFrom, until: b.noticeUntil })}
        </Typography.Paragraph>
      )}
      <table className="notice-table">
        <thead>
          <tr>
            <th>{t('benefits.notice.index')}</th>
            <th>{t('benefits.notice.name')}</th>
            <th>{t('benefits.notice.village')}</th>
            <th>{t('benefits.notice.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {roster.data.items.map((r, i) => (
            <tr key={i} data-testid="notice-row">
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.regionName}</td>
              <td className="amount">{fenToYuanText(r.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph style={{ marginTop: 12 }} data-testid="notice-total">
        {t('benefits.notice.total', { count: roster.data.total, amount: fenToYuanText(total) })}
      </Typography.Paragraph>
      {roster.data.truncated && (
        <Typography.Paragraph type="warning">
          {t('benefits.notice.truncated', { shown: roster.data.items.length })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph>{t('benefits.notice.contact', { region: me.jurisdiction.name })}</Typography.Paragraph>
      <div className="notice-signatures">
        <span>{t('benefits.notice.signatures')}</span>
        <span>{t('benefits.notice.date')}</span>
      </div>
    </div>
  );
}
