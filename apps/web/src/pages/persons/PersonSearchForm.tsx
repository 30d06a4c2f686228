import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionCascader } from '../../components/RegionCascader';
import { normalizeIdNumber, parseIdNumber, pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

export type PersonCriteria = { name?: string; idNumber?: string; region?: string };

type Props = { initial: PersonCriteria; onSearch: (criteria: PersonCriteria) => void };

function clean(values: PersonCriteria): PersonCriteria {
  const name = values.name?.trim();
  const idNumber = values.idNumber?.trim() ? normalizeIdNumber(values.idNumber) : undefined;
  return { name: name || undefined, idNumber, region: values.region || undefined };
}

export function PersonSearchForm({ initial, onSearch }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<PersonCriteria>();

  useEffect(() => {
    form.setFieldsValue({ name: initial.name, idNumber: initial.idNumber, region: initial.region });
  }, [form, initial.name, initial.idNumber, initial.region]);

  // Checked here with the domain's own rules, so a mistyped number fails before it is sent.
  const idRule = {
    validator: async (_: unknown, raw: string | undefined) => {
      if (!raw?.trim()) return;
      const result = parseIdNumber(raw);
      if (!result.ok) throw new Error(pick(result.message, lang));
    },
  };

  return (
    <Card>
      <Form<PersonCriteria> form={form} layout="vertical" onFinish={(v) => onSearch(clean(v))}>
        <Row gutter={16}>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name="name" label={t('persons.search.name')}>
              <Input allowClear placeholder={t('persons.search.namePlaceholder')} data-testid="person-search-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={7}>
            <Form.Item name="idNumber" label={t('persons.search.idNumber')} rules={[idRule]} validateTrigger="onBlur">
              <Input
                allowClear
                maxLength={18}
                className="mono"
                placeholder={t('persons.search.idNumberPlaceholder')}
                data-testid="person-search-id"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={7}>
            <Form.Item name="region" label={t('persons.search.region')}>
              <RegionCascader placeholder={t('persons.search.regionPlaceholder')} testId="person-search-region" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={4}>
            <Form.Item label=" " colon={false}>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="person-search-submit">
                  {t('common.search')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    onSearch({});
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
