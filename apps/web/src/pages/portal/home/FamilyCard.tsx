import type { Family, FamilyMember } from '@cradle/contract';
import { Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Relation = 'self' | 'spouse' | 'child';

function MemberRow({ member, relation }: { member: FamilyMember; relation: Relation }) {
  const { t } = useTranslation();
  return (
    <div className="portal-row" data-testid={`family-${relation}`}>
      <div className="portal-row-main">
        <div>
          <strong data-testid="family-name">{member.name}</strong> <Tag>{t(`portal.family.${relation}`)}</Tag>
          {member.deceased && <Tag color="default">{t('portal.family.deceased')}</Tag>}
        </div>
        <div className="portal-muted">
          <span className="mono" data-testid="family-id">
            {member.idMasked}
          </span>
        </div>
        <div className="portal-muted">{t('portal.family.hukou', { region: member.hukouRegion })}</div>
      </div>
      <div className="portal-muted" style={{ textAlign: 'right' }}>
        <div>{t(`sex.${member.sex}`)}</div>
        <div data-testid="family-age">{t('portal.family.age', { age: member.age })}</div>
      </div>
    </div>
  );
}

/** The family as the registry holds it: the resident, the spouse, the children (masked IDs, ages). */
export function FamilyCard({ family }: { family: Family }) {
  const { t } = useTranslation();
  return (
    <Card className="portal-card" title={t('portal.family.title')} size="small" data-testid="portal-family">
      <MemberRow member={family.self} relation="self" />
      {family.spouse && <MemberRow member={family.spouse} relation="spouse" />}
      {family.children.map((c) => (
        <MemberRow key={c.personId} member={c} relation="child" />
      ))}
      {family.children.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.family.noChildren')} />
      )}
    </Card>
  );
}
