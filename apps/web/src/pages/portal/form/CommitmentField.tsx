import { Card, Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';

/** 承诺制: the statement the family reads, and their acceptance of it. */
export function CommitmentField({ statement }: { statement: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="portal-card" title={t('portal.form.commitmentTitle')}>
      <div className="portal-statement" data-testid="portal-commitment-statement">
        {statement}
      </div>
      <Form.Item name="commitmentAccepted" valuePropName="checked" style={{ marginTop: 12, marginBottom: 0 }}>
        <Checkbox data-testid="portal-commitment">{t('portal.form.commitmentAccept')}</Checkbox>
      </Form.Item>
    </Card>
  );
}
