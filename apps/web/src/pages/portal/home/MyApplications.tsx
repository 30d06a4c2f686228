import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchMyBundles } from '../../../api/portalBundle';
import { fetchMyRegistrations } from '../../../api/portalRegistration';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BundleStatusTag } from '../bundle/BundleStatusTag';
import { RegistrationStatusTag } from '../registration/RegistrationStatusTag';

/** 我的办件: the family's childbirth registrations and newborn bundles, newest first, with their status. */
export function MyApplications() {
  const { t } = useTranslation();
  const lists = useQuery({
    queryKey: ['portal', 'fetchMyRegistrations'],
    queryFn: ({ signal }) => Promise.all([fetchMyRegistrations(signal), fetchMyBundles(signal)]),
    placeholderData: keepPreviousData,
  });
  const [registrations = [], bundles = []] = lists.data ?? [];
  const rows = [
    ...registrations.map((r) => ({
      key: `r${r.id}`,
      at: r.submittedAt,
      to: `/m/registrations/${r.id}`,
      // Parity is null until the township confirms it for parents the family typed in.
      title:
        r.parity === null
          ? t('portal.registration.name')
          : `${t('portal.registration.name')} · ${t('parity.nth', { n: r.parity })}`,
      number: r.registrationNo,
      tag: <RegistrationStatusTag status={r.status} />,
      testId: 'portal-my-registration',
    })),
    ...bundles.map((b) => ({
      key: `b${b.id}`,
      at: b.submittedAt,
      to: `/m/bundles/${b.id}`,
      title: `${t('portal.bundle.name')} · ${b.newbornName}`,
      number: t('portal.bundle.tasksDone', {
        done: b.tasks.filter((x) => x.status === 'done').length,
        total: b.tasks.length,
        no: b.bundleNo,
      }),
      tag: <BundleStatusTag status={b.status} />,
      testId: 'portal-my-bundle',
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Card
      className="portal-card"
      size="small"
      title={t('portal.home.applications')}
      data-testid="portal-my-applications"
    >
      <ApiErrorAlert error={lists.error} onRetry={lists.refetch} />
      {lists.isFetching && !lists.data ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.home.noApplications')} />
      ) : (
        rows.map((row) => (
          <Link key={row.key} to={row.to} className="portal-row" data-testid={row.testId}>
            <span className="portal-row-main">
              <span style={{ display: 'block' }}>
                <strong>{row.title}</strong> {row.tag}
              </span>
              <span className="portal-muted mono">{row.number}</span>
              <span className="portal-muted" style={{ display: 'block' }}>
                {formatDateTime(row.at)}
              </span>
            </span>
            <RightOutlined />
          </Link>
        ))
      )}
    </Card>
  );
}
