import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fetchSpecialFamily } from '../../api/specialFamilies';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../lib/auth';
import type { SPECIAL_FAMILY_NEEDS } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { ContactsCard } from './ContactsCard';
import { DecisionCard } from './DecisionCard';
import { HistoryCard } from './HistoryCard';
import { ServicesCard } from './ServicesCard';
import { NeedsEditor } from './NeedsEditor';
import { type File, mayEdit } from './useFileRefresh';
import { VisitsCard } from './VisitsCard';

type Need = (typeof SPECIAL_FAMILY_NEEDS)[number];
type Grade = '1' | '2' | '3' | '4';

/** 特殊家庭档案: the family (masked), contacts, visits, services, history; the county decides, contacts record. */
export function SpecialFamilyDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['fetchSpecialFamily', id], queryFn: ({ signal }) => fetchSpecialFamily(id, signal) });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const f = q.data;
  const person = (p: File['mother']) => (p ? `${p.name} ${p.idMasked}` : t('common.none'));
  return (
    <Flex vertical gap={16}>
      <Link to="/special-families">{t('specialFamilies.detail.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('specialFamilies.detail.title', { id: f.id })}
      </Typography.Title>
      <Card title={t('specialFamilies.detail.family')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="special-family-detail">
          <Descriptions.Item label={t('specialFamilies.fields.kind')}>
            {t(`specialFamilyKinds.${f.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.status')}>
            {t(`specialFamilyStatuses.${f.status}`)}
            {f.overdue && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                {t('specialFamilies.overdue')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.region')}>{f.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.eventDate')}>{f.eventDate}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.mother')}>{person(f.mother)}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.father')}>{person(f.father)}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.child')}>{person(f.child)}</Descriptions.Item>
          {f.disabilityGrade !== null && (
            <Descriptions.Item label={t('specialFamilies.fields.disabilityGrade')}>
              {t(`specialFamilies.grades.${String(f.disabilityGrade) as Grade}`)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('specialFamilies.fields.needs')}>
            {f.needs.length
              ? f.needs.map((n) => t(`specialFamilyNeeds.${n as Need}`)).join(t('common.listSeparator'))
              : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.proposedBy')}>
            {f.proposedByName} {formatDateTime(f.proposedAt)}
          </Descriptions.Item>
          {f.decidedByName && (
            <Descriptions.Item label={t('specialFamilies.fields.decidedBy')}>
              {f.decidedByName} {f.decidedAt ? formatDateTime(f.decidedAt) : ''}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('specialFamilies.fields.nextVisit')}>
            {f.nextVisitDue ?? t('common.none')} ·{' '}
            {t('specialFamilies.detail.interval', { months: f.visitIntervalMonths })}
          </Descriptions.Item>
        </Descriptions>
        {mayEdit(me.roles, f) && (
          <div style={{ marginTop: 12 }}>
            <NeedsEditor key={f.needs.join()} file={f} />
          </div>
        )}
      </Card>
      <DecisionCard file={f} />
      <ContactsCard file={f} />
      <VisitsCard file={f} />
      <ServicesCard file={f} />
      <HistoryCard file={f} />
    </Flex>
  );
}
