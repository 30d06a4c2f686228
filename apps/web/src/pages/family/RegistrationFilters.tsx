import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationQuery } from '../../api/familyTypes';
import { DEADLINE_STATES, REGISTRATION_STATUSES } from './queueParams';

type Props = { query: RegistrationQuery; onChange: (next: Partial<RegistrationQuery>) => void };

/** Status, deadline, registry conflicts, and a search by number, parent's name or full ID number. */
export function RegistrationFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const conflicts = query.conflicts === undefined ? undefined : String(query.conflicts);
  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <Form.Item label={t('family.filters.status')}>
        <Select
          allowClear
          value={query.status}
          placeholder={t('family.filters.all')}
          style={{ width: 140 }}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`family.registrations.status.${s}`) }))}
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
      <Form.Item label={t('family.filters.conflicts')}>
        <Select
          allowClear
          value={conflicts}
          placeholder={t('family.filters.all')}
          style={{ width: 140 }}
          options={[
            { value: 'true', label: t('family.filters.withConflicts') },
            { value: 'false', label: t('family.filters.withoutConflicts') },
          ]}
          onChange={(v: string | undefined) => onChange({ conflicts: v === undefined ? undefined : v === 'true' })}
          data-testid="filter-conflicts"
        />
      </Form.Item>
      <Form.Item>
        <Input.Search
          key={query.q ?? ''}
          allowClear
          defaultValue={query.q}
          placeholder={t('family.registrations.searchPlaceholder')}
          style={{ width: 300 }}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          data-testid="filter-search"
        />
      </Form.Item>
    </Form>
  );
}
