import { Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLACE_MAX_LENGTH } from '../../../lib/portalDomain';

/** The newborn: name, sex, date and time of birth, place and hospital. */
export function NewbornFields({ today }: { today: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="portal-card" title={t('portal.bundle.newborn')}>
      <Form.Item name={['newborn', 'name']} label={t('portal.form.name')}>
        <Input maxLength={50} autoComplete="off" data-testid="portal-newborn-name" />
      </Form.Item>
      <Form.Item name={['newborn', 'sex']} label={t('portal.form.sex')}>
        <Radio.Group optionType="button" data-testid="portal-newborn-sex">
          <Radio.Button value="male">{t('sex.male')}</Radio.Button>
          <Radio.Button value="female">{t('sex.female')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name={['newborn', 'birthDate']} label={t('portal.form.birthDate')}>
        <Input type="date" max={today} data-testid="portal-newborn-birth-date" />
      </Form.Item>
      <Form.Item name={['newborn', 'birthTime']} label={t('portal.bundle.birthTime')}>
        <Input type="time" data-testid="portal-newborn-birth-time" />
      </Form.Item>
      <Form.Item name={['newborn', 'birthPlace']} label={t('portal.bundle.birthPlace')}>
        <Input maxLength={PLACE_MAX_LENGTH} data-testid="portal-newborn-birth-place" />
      </Form.Item>
      <Form.Item name={['newborn', 'hospitalName']} label={t('portal.bundle.hospital')}>
        <Input maxLength={PLACE_MAX_LENGTH} data-testid="portal-newborn-hospital" />
      </Form.Item>
    </Card>
  );
}
