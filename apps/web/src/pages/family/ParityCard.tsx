import type { RegistryChildRef, StaffRegistrationDetail } from '@cradle/contract';
import { Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Which parent's children the registry counted: the mother's when it knows her, else the father's (parityFromRegistry). */
function basisOf(r: StaffRegistrationDetail): 'mother' | 'father' | 'none' {
  if (r.registryMatches.mother.known) return 'mother';
  if (r.registryMatches.father?.known) return 'father';
  return 'none';
}

/** 孩次 from the registry, never typed by the family, and the children it counted. */
export function ParityCard({ registration: r }: { registration: StaffRegistrationDetail }) {
  const { t } = useTranslation();
  const basis = basisOf(r);
  const match = basis === 'none' ? null : basis === 'mother' ? r.registryMatches.mother : r.registryMatches.father!;
  const children: RegistryChildRef[] = match?.children ?? [];
  // Children recorded outside the worker's jurisdiction count, but are not shown (issue 11).
  const outside = match?.childrenOutside ?? 0;
  const rule = r.childStatus === 'pregnant' ? 'family.parity.rulePregnant' : 'family.parity.ruleBorn';
  return (
    <Card title={t('family.parity.title')} data-testid="parity-card">
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="parity" data-value={r.parity}>
          {t('parity.nth', { n: r.parity })}
        </Typography.Title>
        <Typography.Text data-testid="parity-basis" data-basis={basis}>
          {t(`family.parity.basis.${basis}`, { count: children.length + outside })}
        </Typography.Text>
        {outside > 0 && (
          <Typography.Text type="secondary" data-testid="parity-children-outside">
            {t('family.parity.childrenOutside', { count: outside })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{t(rule)}</Typography.Text>
        {children.length > 0 && (
          <Table<RegistryChildRef & { key: number }>
            size="small"
            pagination={false}
            dataSource={children.map((c, i) => ({ ...c, key: i }))}
            columns={[
              { title: t('family.parity.childName'), dataIndex: 'name' },
              {
                title: t('family.parity.childSex'),
                dataIndex: 'sex',
                render: (s: RegistryChildRef['sex']) => t(`sex.${s}`),
              },
              {
                title: t('family.parity.childAge'),
                dataIndex: 'age',
                render: (a: number) => t('family.parity.age', { count: a }),
              },
            ]}
            data-testid="parity-children"
          />
        )}
      </Flex>
    </Card>
  );
}
