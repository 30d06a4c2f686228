import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { KNOWN_ACTIONS, actionLabel } from './auditLabels';

export type AuditFilter = { action?: string; username?: string; from?: string; to?: string };
type FormValues = { action?: string; username?: string; range?: [Dayjs | null, Dayjs | null] | null };

const DAY = 'YYYY-MM-DD';

export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();

  function submit(v: FormValues) {
    onChange({
      action: v.action?.trim() || undefined,
      username: v.username?.trim() || undefined,
      from: v.range?.[0]?.format(DAY),
      to: v.range?.[1]?.format(DAY),
    });
  }

  return (
    <Card>
      <Form<FormValues> form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item name="action" label={t('audit.filters.action')}>
          <AutoComplete
            allowClear
            style={{ width: 220 }}
            placeholder={t('audit.filters.actionPlaceholder')}
            options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase()),
            }}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="username" label={t('audit.filters.username')}>
          <Input allowClear style={{ width: 160 }} data-testid="audit-filter-username" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.filters.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onChange({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
