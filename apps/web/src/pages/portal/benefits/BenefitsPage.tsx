import { Alert, Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchFamilyBenefits } from '../../../api/portalBenefits';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { useResidentMe } from '../../../lib/portalAuth';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PortalPage } from '../PortalPage';
import { ChildBenefitsCard } from './ChildBenefitsCard';
import './benefits.css';

/** 我的补贴: for each of the family's registry children, the schemes of their hukou region this period, with the trace. */
export function BenefitsPage() {
  const { t } = useTranslation();
  const me = useResidentMe();
  const loaded = useQuery({
    queryKey: ['portal', 'fetchFamilyBenefits'],
    queryFn: ({ signal }) => fetchFamilyBenefits(signal),
    placeholderData: keepPreviousData,
  });

  if (loaded.isFetching && !loaded.data) return <PageLoading />;
  const children = loaded.data?.children ?? [];
  return (
    <PortalPage title={t('portalBenefits.title')} back="/m" testId="portal-benefits">
      <Alert type="info" showIcon className="portal-card" title={t('portalBenefits.intro')} />
      <ApiErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      {!me.resident.bound ? (
        <Card className="portal-card" size="small" data-testid="portal-benefits-unbound">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portalBenefits.notBound')}>
            <Link to="/m/binding">
              <Button type="primary">{t('portalBenefits.bindAction')}</Button>
            </Link>
          </Empty>
        </Card>
      ) : (
        loaded.data &&
        (children.length === 0 ? (
          <Card className="portal-card" size="small" data-testid="portal-benefits-none">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portalBenefits.noChildren')} />
          </Card>
        ) : (
          children.map((entry) => <ChildBenefitsCard key={entry.child.personId} entry={entry} />)
        ))
      )}
    </PortalPage>
  );
}
