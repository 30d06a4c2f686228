import type { RegistryConflictView, RegistryMatch, StaffRegistrationDetail } from '@cradle/contract';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { optionalLabel } from '../../lib/optionalLabel';
import { useLang } from '../../lib/useLang';
import { MaskedId } from '../persons/personColumns';

/** What the registry holds for one declared parent's ID number. */
function MatchDescription({ role, match }: { role: 'mother' | 'father'; match: RegistryMatch }) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (!match.known) {
    return (
      <Typography.Text type="warning" data-testid={`match-${role}`} data-known="false">
        {t('family.conflicts.unknown', { role: t(`family.conflicts.subjects.${role}`) })}
      </Typography.Text>
    );
  }
  // Outside the worker's jurisdiction the server sends only whether the record agrees (issue 11, need to know).
  if (!match.inJurisdiction) {
    return (
      <Typography.Text
        type={match.matchesDeclared ? undefined : 'warning'}
        data-testid={`match-${role}`}
        data-known="true"
        data-in-jurisdiction="false"
      >
        {t(match.matchesDeclared ? 'family.conflicts.outsideMatches' : 'family.conflicts.outsideDiffers', {
          role: t(`family.conflicts.subjects.${role}`),
        })}
      </Typography.Text>
    );
  }
  return (
    <div data-testid={`match-${role}`} data-known="true" data-in-jurisdiction="true">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        title={t('family.conflicts.registryOf', { role: t(`family.conflicts.subjects.${role}`) })}
        items={[
          { key: 'name', label: t('family.conflicts.name'), children: match.name ?? none },
          {
            key: 'id',
            label: t('family.conflicts.idNumber'),
            children: match.idMasked ? <MaskedId value={match.idMasked} /> : none,
          },
          {
            key: 'sexAge',
            label: t('family.conflicts.sexAge'),
            children:
              match.sex && match.age !== null
                ? t('family.conflicts.sexAgeText', { sex: t(`sex.${match.sex}`), count: match.age })
                : none,
          },
          { key: 'hukou', label: t('family.conflicts.hukouRegion'), children: match.hukouRegion ?? none },
          { key: 'residence', label: t('family.conflicts.residenceRegion'), children: match.residenceRegion ?? none },
        ]}
      />
    </div>
  );
}

/** The two-way check: each disagreement with the registry, what it holds against what was declared. */
export function ConflictsCard({ registration: r }: { registration: StaffRegistrationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = t('common.none');
  const columns: TableColumnsType<RegistryConflictView & { key: number }> = [
    {
      title: t('family.conflicts.subject'),
      dataIndex: 'subject',
      render: (s: string) => optionalLabel('family.conflicts.subjects', s),
    },
    {
      title: t('family.conflicts.problem'),
      dataIndex: 'message',
      render: (m: RegistryConflictView['message']) => pick(m, lang),
    },
    {
      title: t('family.conflicts.registry'),
      key: 'registry',
      render: (_, c) => c.seen.registry ?? <Typography.Text type="secondary">{none}</Typography.Text>,
    },
    {
      title: t('family.conflicts.declared'),
      key: 'declared',
      render: (_, c) => c.seen.declared ?? <Typography.Text type="secondary">{none}</Typography.Text>,
    },
  ];
  const count = r.conflicts.length;
  return (
    <Card
      title={
        <>
          <WarningOutlined /> {t('family.conflicts.title')}
        </>
      }
      data-testid="conflicts-card"
      data-count={count}
    >
      <Flex vertical gap={16}>
        {count === 0 ? (
          <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('family.conflicts.none')} />
        ) : (
          <>
            <Alert type="warning" showIcon title={t('family.conflicts.hint', { count })} />
            <Table<RegistryConflictView & { key: number }>
              size="small"
              pagination={false}
              columns={columns}
              dataSource={r.conflicts.map((c, i) => ({ ...c, key: i }))}
              onRow={(c) => ({ 'data-testid': 'conflict', 'data-code': c.code }) as HTMLAttributes<HTMLElement>}
            />
          </>
        )}
        <MatchDescription role="mother" match={r.registryMatches.mother} />
        {r.registryMatches.father && <MatchDescription role="father" match={r.registryMatches.father} />}
      </Flex>
    </Card>
  );
}
