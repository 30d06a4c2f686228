import type { Relationship } from '@cradle/contract';
import { LockOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Divider, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MaskedId, parityLabel, sexLabel } from './personColumns';

const KIND_ORDER: Record<Relationship['kind'], number> = { spouse: 0, father: 1, mother: 2, child: 3 };

export function RelationshipsCard({ relationships }: { relationships: readonly Relationship[] }) {
  const { t } = useTranslation();
  const sorted = [...relationships].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (b.person?.age ?? 0) - (a.person?.age ?? 0),
  );

  return (
    <Card
      title={
        <>
          <TeamOutlined /> {t('person.relationships.title')}
        </>
      }
      data-testid="relationships-card"
    >
      {sorted.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.relationships.none')} />
      )}
      {sorted.map((rel, i) => {
        const p = rel.person;
        const parity = p && rel.kind === 'child' ? parityLabel(t, p.parity) : null;
        return (
          <Fragment key={p ? `${rel.kind}-${p.id}` : `${rel.kind}-outside-${i}`}>
            {i > 0 && <Divider style={{ margin: '12px 0' }} />}
            <Space wrap data-testid="relationship">
              <Tag color="blue">{t(`person.relationships.kind.${rel.kind}`)}</Tag>
              {p ? (
                <>
                  <Link to={`/persons/${p.id}`}>{p.name}</Link>
                  <Typography.Text type="secondary">
                    {sexLabel(t, p.sex)} · {t('persons.columns.age')} {p.age}
                  </Typography.Text>
                  <MaskedId value={p.idNumberMasked} />
                  {parity && <Tag color="purple">{parity}</Tag>}
                </>
              ) : (
                <Tooltip title={t('person.relationships.outsideHint')}>
                  <Tag icon={<LockOutlined />} data-testid="relationship-outside">
                    {t('person.relationships.outside')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          </Fragment>
        );
      })}
    </Card>
  );
}
