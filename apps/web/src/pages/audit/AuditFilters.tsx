import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { AuditFilterQuery, AuditOutcome } from '@cradle/contract';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { KNOWN_ACTIONS, KNOWN_TARGETS, actionLabel, targetTypeLabel } from './auditLabels';

export type AuditFilter = AuditFilterQuery;
type FormValues = {
  action?: string;
  username?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string;
};
const OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];

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
      outcome: v.outcome || undefined,
      targetType: v.targetType || undefined,
      targetId: v.targetId?.trim() || undefined,
    });
  }

  return (
    <Card>
      <Form<FormValues> form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item name="action" label={t('audit.filters.action')}>
          <AutoComplete
            allowClear={{ label: t('common.clear') }}
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
        <Form.Item name="outcome" label={t('audit.filters.outcome')}>
          <Select
            allowClear={{ label: t('common.clear') }}
            style={{ width: 120 }}
            placeholder={t('audit.filters.anyOutcome')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
            data-testid="audit-filter-outcome"
          />
        </Form.Item>
        <Form.Item name="targetType" label={t('audit.filters.targetType')}>
          <Select
            allowClear={{ label: t('common.clear') }}
            style={{ width: 150 }}
            placeholder={t('audit.filters.anyTarget')}
            options={KNOWN_TARGETS.map((k) => ({ value: k, label: targetTypeLabel(k) }))}
            data-testid="audit-filter-target-type"
          />
        </Form.Item>
        <Form.Item name="targetId" label={t('audit.filters.targetId')}>
          <Input allowClear style={{ width: 100 }} data-testid="audit-filter-target-id" />
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
