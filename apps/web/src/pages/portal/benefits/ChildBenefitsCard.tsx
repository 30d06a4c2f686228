import type { ChildBenefits } from '@cradle/contract';
import { Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SchemeRow } from './SchemeRow';

/** One child: every scheme of their hukou region this period, the ones they qualify for first. */
export function ChildBenefitsCard({ entry }: { entry: ChildBenefits }) {
  const { t } = useTranslation();
  const eligible = entry.schemes.filter((s) => s.eligible).length;
  // Stable sort: the server's order within each group.
  const schemes = [...entry.schemes].sort((a, b) => Number(b.eligible) - Number(a.eligible));
  return (
    <Card
      className="portal-card"
      size="small"
      title={
        <span>
          <span data-testid="portal-benefits-child-name">{entry.child.name}</span>{' '}
          <span className="portal-muted mono">{entry.child.idMasked}</span>
        </span>
      }
      extra={
        <Tag
          color={eligible > 0 ? 'success' : 'default'}
          data-testid="portal-benefits-eligible-count"
          data-count={eligible}
        >
          {t('portalBenefits.eligibleCount', { n: eligible })}
        </Tag>
      }
      data-testid="portal-benefits-child"
      data-person-id={entry.child.personId}
    >
      {schemes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portalBenefits.noSchemes')} />
      ) : (
        schemes.map((s) => <SchemeRow key={s.schemeCode} scheme={s} />)
      )}
    </Card>
  );
}
