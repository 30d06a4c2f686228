import type { BundleParentView, TaskDetail } from '@cradle/contract';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { MaskedId } from '../persons/personColumns';
import { bundleServiceDefinition, isBundleService } from './familyDomain';
import { TaskStatusTag } from './familyTags';

function Parent({ parent }: { parent: BundleParentView | null }) {
  const { t } = useTranslation();
  if (parent === null) return <Typography.Text type="secondary">{t('family.registrations.noFather')}</Typography.Text>;
  const name = parent.personId === null ? parent.name : <Link to={`/persons/${parent.personId}`}>{parent.name}</Link>;
  return (
    <>
      {name} <MaskedId value={parent.idMasked} />
    </>
  );
}

/** The bundle as every department sees it: one form, ID numbers masked, and where the other services stand. */
export function BundleOverview({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { bundle: b } = detail;
  const none = t('common.none');
  const n = b.newborn;
  const sex = n.sex === 'male' || n.sex === 'female' ? t(`sex.${n.sex}`) : n.sex;
  const items = [
    { key: 'no', label: t('family.tasks.bundleNo'), children: <span className="mono">{b.bundleNo}</span> },
    { key: 'submittedAt', label: t('family.tasks.submittedAt'), children: formatDateTime(b.submittedAt) },
    {
      key: 'newborn',
      label: t('family.tasks.newborn'),
      children: <span data-testid="bundle-newborn">{t('family.tasks.newbornText', { name: n.name, sex })}</span>,
    },
    {
      key: 'birth',
      label: t('family.tasks.birthDateTime'),
      children: <span className="mono">{`${n.birthDate} ${n.birthTime}`}</span>,
    },
    { key: 'place', label: t('family.tasks.birthPlace'), children: n.birthPlace },
    { key: 'hospital', label: t('family.tasks.hospital'), children: n.hospitalName },
    { key: 'mother', label: t('family.tasks.mother'), children: <Parent parent={b.mother} /> },
    { key: 'father', label: t('family.tasks.father'), children: <Parent parent={b.father} /> },
    { key: 'hukou', label: t('family.tasks.hukouRegion'), children: b.hukouRegion.name },
    {
      key: 'certificate',
      label: t('family.tasks.certificateNo'),
      children: detail.birthCertificateNo ? (
        <span className="mono" data-testid="bundle-certificate">
          {detail.birthCertificateNo}
        </span>
      ) : (
        none
      ),
    },
    {
      key: 'newbornId',
      label: t('family.tasks.newbornId'),
      children: n.idMasked ? (
        <Space>
          <MaskedId value={n.idMasked} />
          {n.personId !== null && <Link to={`/persons/${n.personId}`}>{t('family.tasks.openPerson')}</Link>}
        </Space>
      ) : (
        none
      ),
    },
    {
      key: 'services',
      label: t('family.tasks.otherTasks'),
      children: (
        <Space wrap size={[4, 4]} data-testid="other-tasks">
          {detail.otherTasks.map((o) => (
            <span key={o.service} data-service={o.service}>
              <Tag>
                {isBundleService(o.service)
                  ? pick(bundleServiceDefinition(o.service).label, lang)
                  : pick(o.label, lang)}
              </Tag>
              <TaskStatusTag status={o.status} />
            </span>
          ))}
        </Space>
      ),
    },
  ];
  return <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }} items={items} data-testid="bundle-overview" />;
}
