import type { DeclaredParentView, StaffRegistrationDetail } from '@cradle/contract';
import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '../../api/familyRegistrations';
import { formatDateTime, formatFileSize } from '../../lib/format';
import { optionalLabel } from '../../lib/optionalLabel';
import { MaskedId } from '../persons/personColumns';

function Parent({ parent, phone }: { parent: DeclaredParentView | null; phone: string | null }) {
  const { t } = useTranslation();
  if (parent === null) return <Typography.Text type="secondary">{t('family.registrations.noFather')}</Typography.Text>;
  return (
    <>
      {parent.name} <MaskedId value={parent.idMasked} />
      {phone && <div className="mono">{phone}</div>}
    </>
  );
}

/** What the family declared, by commitment (承诺制): ID numbers and phones masked. */
export function RegistrationDeclared({ registration: r }: { registration: StaffRegistrationDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'no', label: t('family.registrations.number'), children: <span className="mono">{r.registrationNo}</span> },
    { key: 'channel', label: t('family.registrations.channel'), children: optionalLabel('family.channels', r.channel) },
    { key: 'submittedAt', label: t('family.registrations.submittedAt'), children: formatDateTime(r.submittedAt) },
    { key: 'region', label: t('family.registrations.residence'), children: r.region },
    {
      key: 'married',
      label: t('family.registrations.married'),
      children: t(r.married ? 'family.registrations.marriedYes' : 'family.registrations.marriedNo'),
    },
    {
      key: 'childStatus',
      label: t('family.registrations.childStatus'),
      children: t(`family.registrations.childStatuses.${r.childStatus}`),
    },
    {
      key: 'mother',
      label: t('family.registrations.mother'),
      children: <Parent parent={r.mother} phone={r.phonesMasked.mother} />,
    },
    {
      key: 'father',
      label: t('family.registrations.father'),
      children: <Parent parent={r.father} phone={r.phonesMasked.father} />,
    },
  ];
  if (r.childStatus === 'pregnant') {
    items.push({
      key: 'expected',
      label: t('family.registrations.expectedBirthDate'),
      children: r.expectedBirthDate ?? none,
    });
  } else if (r.child) {
    items.push({
      key: 'child',
      label: t('family.registrations.child'),
      children: t('family.registrations.childText', {
        name: r.child.name,
        sex: t(`sex.${r.child.sex}`),
        date: r.child.birthDate,
      }),
    });
  }
  items.push({
    key: 'commitment',
    label: t('family.registrations.commitment'),
    children: (
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.commitmentStatement}</Typography.Paragraph>
    ),
  });
  items.push({
    key: 'attachments',
    label: t('family.registrations.attachments'),
    children:
      r.attachments.length === 0
        ? none
        : r.attachments.map((a) => (
            <div key={a.id}>
              <PaperClipOutlined />{' '}
              <Typography.Link href={attachmentUrl(a.id)} download={a.fileName}>
                {a.fileName}
              </Typography.Link>{' '}
              <Typography.Text type="secondary">({formatFileSize(a.sizeBytes)})</Typography.Text>
            </div>
          )),
  });
  if (r.workerNote)
    items.push({
      key: 'note',
      label: t('family.registrations.workerNote'),
      children: <span data-testid="worker-note">{r.workerNote}</span>,
    });
  if (r.completedAt)
    items.push({
      key: 'completed',
      label: t('family.registrations.completedAt'),
      children: `${formatDateTime(r.completedAt)} · ${r.completedByName ?? none}`,
    });
  return (
    <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }} items={items} data-testid="registration-declared" />
  );
}
