import type { PortalRegistrationDetail } from '@cradle/contract';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../lib/format';

/** What the family declared, as the server holds it (ID numbers masked). */
export function RegistrationFacts({ registration: r }: { registration: PortalRegistrationDetail }) {
  const { t } = useTranslation();
  return (
    <Card className="portal-card" size="small" title={t('portal.registration.facts')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('portal.registration.parity')}>
          {/* Null for parents the family typed in: the registry's count is theirs, the township confirms it. */}
          <span data-testid="portal-registration-parity">
            {r.parity === null ? t('portal.registration.parityByTownship') : t('parity.nth', { n: r.parity })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.form.mother')}>
          {r.mother.name}{' '}
          <span className="mono portal-muted" style={{ marginLeft: 8 }}>
            {r.mother.idMasked}
          </span>
        </Descriptions.Item>
        {r.father && (
          <Descriptions.Item label={t('portal.form.father')}>
            {r.father.name}{' '}
            <span className="mono portal-muted" style={{ marginLeft: 8 }}>
              {r.father.idMasked}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('portal.registration.married')}>
          {r.married ? t('portal.registration.marriedYes') : t('portal.registration.marriedNo')}
        </Descriptions.Item>
        {r.childStatus === 'pregnant' ? (
          <Descriptions.Item label={t('portal.registration.expectedBirthDate')}>
            {r.expectedBirthDate}
          </Descriptions.Item>
        ) : (
          r.child && (
            <Descriptions.Item label={t('portal.form.childName')}>
              {t('portal.registration.childSummary', {
                name: r.child.name,
                sex: t(`sex.${r.child.sex}`),
                date: r.child.birthDate,
              })}
            </Descriptions.Item>
          )
        )}
        <Descriptions.Item label={t('portal.registration.residence')}>{r.region}</Descriptions.Item>
        {r.attachments.length > 0 && (
          <Descriptions.Item label={t('portal.reply.attachments')}>
            {r.attachments.map((a) => (
              <div key={a.id}>
                {a.fileName} <span className="portal-muted">{formatFileSize(a.sizeBytes)}</span>
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
