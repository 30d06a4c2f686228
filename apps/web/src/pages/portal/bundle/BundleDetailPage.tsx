import type { NewbornBundle } from '@cradle/contract';
import { Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { fetchMyBundle } from '../../../api/portalBundle';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { formatDateTime } from '../../../lib/format';
import { fen, formatYuan, pick } from '../../../lib/portalDomain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../../../lib/useLang';
import { PortalPage } from '../PortalPage';
import { BundleStatusTag } from './BundleStatusTag';
import { InsuranceDeadline } from './InsuranceDeadline';
import { TaskSteps } from './TaskSteps';

function Entitlements({ bundle }: { bundle: NewbornBundle }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (bundle.entitlements.length === 0) return null;
  return (
    <Card className="portal-card" size="small" title={t('portal.bundle.entitlements')}>
      {bundle.entitlements.map((e) => (
        <div key={e.schemeCode} className="portal-row">
          <span className="portal-row-main">{pick(e.schemeName, lang)}</span>
          <span>{t('portal.bundle.amount', { yuan: formatYuan(fen(e.amountFen)), from: e.firstPeriodKey })}</span>
        </div>
      ))}
    </Card>
  );
}

/** A newborn bundle: each department's progress, results and returns, the insurance deadline. */
export function BundleDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [corrected, setCorrected] = useState<NewbornBundle>();
  const loaded = useQuery({
    queryKey: ['portal', 'fetchMyBundle', id],
    queryFn: ({ signal }) => fetchMyBundle(id, signal),
    placeholderData: keepPreviousData,
  });
  const b = corrected?.id === id ? corrected : loaded.data;

  if (loaded.isFetching && !b) return <PageLoading />;
  return (
    <PortalPage title={t('portal.bundle.name')} back="/m" testId="portal-bundle-detail">
      <ApiErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      {b && (
        <>
          <Card className="portal-card" size="small">
            <BundleStatusTag status={b.status} />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('portal.bundle.number')}>
                <span className="mono" data-testid="portal-bundle-no">
                  {b.bundleNo}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.bundle.newborn')}>
                {t('portal.registration.childSummary', {
                  name: b.newborn.name,
                  sex: t(`sex.${b.newborn.sex === 'female' ? 'female' : 'male'}`),
                  date: `${b.newborn.birthDate} ${b.newborn.birthTime}`,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.bundle.hukouRegion')}>{b.hukouRegion.name}</Descriptions.Item>
              <Descriptions.Item label={t('portal.registration.submittedAt')}>
                {formatDateTime(b.submittedAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <InsuranceDeadline task={b.tasks.find((x) => x.service === 'medicalInsuranceEnrollment')} />
          <Card className="portal-card" size="small" title={t('portal.bundle.progress')}>
            <TaskSteps bundle={b} onCorrected={setCorrected} />
          </Card>
          <Entitlements bundle={b} />
        </>
      )}
    </PortalPage>
  );
}
