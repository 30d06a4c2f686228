import type { ReceiptVerification } from '@cradle/contract';
import { Card, ConfigProvider, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { verifyReceipt } from '../../../api/portalRegistration';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { formatDateTime } from '../../../lib/format';
import { optionalLabel } from '../../../lib/optionalLabel';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PortalPage } from '../PortalPage';
import '../portal.css';

function Verdict({ v }: { v: ReceiptVerification }) {
  const { t } = useTranslation();
  if (!v.valid)
    return (
      <Result
        status="error"
        title={t('portal.verify.invalid')}
        subTitle={t('portal.verify.invalidHelp')}
        data-testid="portal-verify-verdict"
        data-valid="false"
      />
    );
  const matches = v.contentMatches !== false;
  return (
    <Result
      status={matches ? 'success' : 'warning'}
      title={t(matches ? 'portal.verify.valid' : 'portal.verify.changed')}
      subTitle={t(matches ? 'portal.verify.validHelp' : 'portal.verify.changedHelp')}
      data-testid="portal-verify-verdict"
      data-valid="true"
      data-matches={String(matches)}
    />
  );
}

function Details({ v }: { v: ReceiptVerification }) {
  const { t } = useTranslation();
  if (!v.valid) return null;
  const s = v.summary;
  return (
    <Card className="portal-card" size="small">
      <Descriptions column={1} size="small" data-testid="portal-verify-details">
        <Descriptions.Item label={t('portal.verify.kind')}>
          {optionalLabel('portal.verify.kinds', v.kind)}
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.verify.number')}>
          <span className="mono" data-testid="portal-verify-number">
            {v.number}
          </span>
        </Descriptions.Item>
        {v.issuedAt && (
          <Descriptions.Item label={t('portal.verify.issuedAt')}>{formatDateTime(v.issuedAt)}</Descriptions.Item>
        )}
        {v.issuer && <Descriptions.Item label={t('portal.verify.issuer')}>{v.issuer}</Descriptions.Item>}
        {s && (
          <>
            <Descriptions.Item label={t('portal.form.mother')}>{s.motherName}</Descriptions.Item>
            {s.parity !== undefined && (
              <Descriptions.Item label={t('portal.registration.parity')}>
                {t('parity.nth', { n: s.parity })}
              </Descriptions.Item>
            )}
            {s.childStatus && (
              <Descriptions.Item label={t('portal.registration.childStatus')}>
                {t(`portal.registration.${s.childStatus}`)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('portal.registration.residence')}>{s.region}</Descriptions.Item>
          </>
        )}
      </Descriptions>
    </Card>
  );
}

/** The public check behind a receipt's QR code: valid or not, and whether the record still matches. No sign-in. */
export function VerifyPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const check = useQuery({
    queryKey: ['portal', 'verifyReceipt', token],
    queryFn: ({ signal }) => verifyReceipt(token, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <ConfigProvider componentSize="large">
      <PortalPage title={t('portal.verify.title')} testId="portal-verify">
        <ApiErrorAlert error={check.error} onRetry={check.refetch} />
        {check.isFetching && !check.data ? (
          <PageLoading />
        ) : (
          check.data && (
            <>
              <Card className="portal-card" size="small">
                <Verdict v={check.data} />
              </Card>
              <Details v={check.data} />
              <p className="portal-muted">{t('portal.verify.privacy')}</p>
            </>
          )
        )}
      </PortalPage>
    </ConfigProvider>
  );
}
