import type { PortalRegistrationDetail } from '@cradle/contract';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { downloadRegistrationReceipt, fetchMyRegistration } from '../../../api/portalRegistration';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { formatDateTime } from '../../../lib/format';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { saveBlob } from '../../../lib/saveBlob';
import { PortalPage } from '../PortalPage';
import { RegistrationFacts } from './RegistrationFacts';
import { DeadlineTag, RegistrationStatusTag } from './RegistrationStatusTag';
import { ReplyBox } from './ReplyBox';

function ReceiptButton({ registration }: { registration: PortalRegistrationDetail }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => downloadRegistrationReceipt(registration.id),
    onSuccess: (blob) => saveBlob(blob, `${registration.registrationNo}.pdf`),
  });
  return (
    <>
      <ApiErrorAlert error={download.error} />
      <Button
        type="primary"
        block
        icon={<DownloadOutlined />}
        loading={download.isPending}
        onClick={() => download.mutate()}
        data-testid="portal-receipt-download"
      >
        {t('portal.registration.receipt')}
      </Button>
    </>
  );
}

/** One registration: status, deadline, the township's request for more information and the reply, the receipt. */
export function RegistrationDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [replied, setReplied] = useState<PortalRegistrationDetail>();
  const loaded = useQuery({
    queryKey: ['portal', 'fetchMyRegistration', id],
    queryFn: ({ signal }) => fetchMyRegistration(id, signal),
    placeholderData: keepPreviousData,
  });
  const r = replied?.id === id ? replied : loaded.data;

  if (loaded.isFetching && !r) return <PageLoading />;
  return (
    <PortalPage title={t('portal.registration.name')} back="/m" testId="portal-registration-detail">
      <ApiErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      {r && (
        <>
          <Card className="portal-card" size="small">
            <Space wrap>
              <RegistrationStatusTag status={r.status} />
              <DeadlineTag deadline={r.deadline} state={r.deadlineState} />
            </Space>
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('portal.registration.number')}>
                <span className="mono" data-testid="portal-registration-no">
                  {r.registrationNo}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.registration.submittedAt')}>
                {formatDateTime(r.submittedAt)}
              </Descriptions.Item>
              {r.completedAt && (
                <Descriptions.Item label={t('portal.registration.completedAt')}>
                  {formatDateTime(r.completedAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
            <div className="portal-muted">{t(`portal.registration.statusHelp.${r.status}`)}</div>
          </Card>
          {r.status === 'infoRequested' && (
            <Card className="portal-card" size="small" title={t('portal.reply.title')}>
              <Alert
                type="warning"
                showIcon
                title={r.infoRequest ?? t('portal.reply.noText')}
                style={{ marginBottom: 12 }}
                data-testid="portal-info-request"
              />
              <ReplyBox registrationId={r.id} onReplied={setReplied} />
            </Card>
          )}
          {r.receiptAvailable && (
            <Card className="portal-card" size="small" title={t('portal.registration.receiptTitle')}>
              <p className="portal-muted">{t('portal.registration.receiptHint')}</p>
              <ReceiptButton registration={r} />
            </Card>
          )}
          <RegistrationFacts registration={r} />
        </>
      )}
    </PortalPage>
  );
}
