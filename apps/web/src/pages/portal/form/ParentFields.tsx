import type { PrefillPerson } from '@cradle/contract';
import { Card, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

type Role = 'mother' | 'father';

/** A parent the registry holds: shown, not typed (the server reads name and ID number itself). */
export function RegistryParentCard({ role, person }: { role: Role; person: PrefillPerson }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="portal-card"
      title={t(`portal.form.${role}`)}
      extra={<span className="portal-muted">{t('portal.form.fromRegistry')}</span>}
      data-testid={`portal-${role}-registry`}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('portal.form.name')}>{person.name}</Descriptions.Item>
        <Descriptions.Item label={t('portal.form.idNumber')}>
          <span className="mono">{person.idMasked}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.form.age')}>
          {t('portal.family.age', { age: person.age })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A parent the family declares: name, ID number, optional phone. */
export function DeclaredParentFields({ role, optionalPhone = true }: { role: Role; optionalPhone?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="portal-card" title={t(`portal.form.${role}`)} data-testid={`portal-${role}-declared`}>
      <Form.Item name={[role, 'name']} label={t('portal.form.name')}>
        <Input maxLength={50} autoComplete="off" data-testid={`portal-${role}-name`} />
      </Form.Item>
      <Form.Item name={[role, 'idNumber']} label={t('portal.form.idNumber')}>
        <Input maxLength={18} autoComplete="off" className="mono" data-testid={`portal-${role}-id`} />
      </Form.Item>
      <Form.Item name={[role, 'phone']} label={optionalPhone ? t('portal.form.phoneOptional') : t('portal.form.phone')}>
        <Input maxLength={11} inputMode="tel" autoComplete="off" data-testid={`portal-${role}-phone`} />
      </Form.Item>
    </Card>
  );
}

/** The registry's parent when there is one, else the fields to declare them. */
export function ParentSection({ role, fromRegistry }: { role: Role; fromRegistry: PrefillPerson | null }) {
  return fromRegistry ? <RegistryParentCard role={role} person={fromRegistry} /> : <DeclaredParentFields role={role} />;
}
