import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskQuery } from '../../api/familyTypes';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';
import { bundleServiceDefinition, type BundleService } from './familyDomain';
import { DEADLINE_STATES, TASK_STATUSES } from './queueParams';

type Props = { query: TaskQuery; services: readonly BundleService[]; onChange: (next: Partial<TaskQuery>) => void };

/** Service (the user's department's, or all five for readers), status, deadline, and a search by number or name. */
export function TaskFilters({ query, services, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      {services.length > 1 && (
        <Form.Item label={t('family.filters.service')}>
          <Select
            allowClear
            value={query.service}
            placeholder={t('family.filters.all')}
            style={{ width: 180 }}
            options={services.map((s) => ({ value: s, label: pick(bundleServiceDefinition(s).label, lang) }))}
            onChange={(service) => onChange({ service })}
            data-testid="filter-service"
          />
        </Form.Item>
      )}
      <Form.Item label={t('family.filters.status')}>
        <Select
          allowClear
          value={query.status}
          placeholder={t('family.filters.all')}
          style={{ width: 140 }}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`family.tasks.status.${s}`) }))}
          onChange={(status) => onChange({ status })}
          data-testid="filter-status"
        />
      </Form.Item>
      <Form.Item label={t('family.filters.deadline')}>
        <Select
          allowClear
          value={query.deadline}
          placeholder={t('family.filters.all')}
          style={{ width: 140 }}
          options={DEADLINE_STATES.map((s) => ({ value: s, label: t(`family.deadline.${s}`) }))}
          onChange={(deadline) => onChange({ deadline })}
          data-testid="filter-deadline"
        />
      </Form.Item>
      <Form.Item>
        <Input.Search
          key={query.q ?? ''}
          allowClear
          defaultValue={query.q}
          placeholder={t('family.tasks.searchPlaceholder')}
          style={{ width: 280 }}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          data-testid="filter-search"
        />
      </Form.Item>
    </Form>
  );
}
