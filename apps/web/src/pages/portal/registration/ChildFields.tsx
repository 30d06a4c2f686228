import type { ChildStatus } from '@cradle/contract';
import { Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

/** Pregnant (a due date) or born (the child's name, sex and date of birth). */
export function ChildFields({ status, today }: { status: ChildStatus | undefined; today: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="portal-card" title={t('portal.registration.childTitle')}>
      <Form.Item name="childStatus" label={t('portal.registration.childStatus')}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="portal-child-status">
          <Radio.Button value="pregnant" data-testid="portal-status-pregnant">
            {t('portal.registration.pregnant')}
          </Radio.Button>
          <Radio.Button value="born" data-testid="portal-status-born">
            {t('portal.registration.born')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      {status === 'born' ? (
        <>
          <Form.Item name={['child', 'name']} label={t('portal.form.childName')}>
            <Input maxLength={50} autoComplete="off" data-testid="portal-child-name" />
          </Form.Item>
          <Form.Item name={['child', 'sex']} label={t('portal.form.sex')}>
            <Radio.Group optionType="button" data-testid="portal-child-sex">
              <Radio.Button value="male">{t('sex.male')}</Radio.Button>
              <Radio.Button value="female">{t('sex.female')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name={['child', 'birthDate']} label={t('portal.form.birthDate')}>
            <Input type="date" max={today} data-testid="portal-child-birth-date" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="expectedBirthDate"
          label={t('portal.registration.expectedBirthDate')}
          extra={t('portal.registration.expectedBirthDateHint')}
        >
          <Input type="date" min={today} data-testid="portal-expected-birth-date" />
        </Form.Item>
      )}
    </Card>
  );
}
