import type { RegistrationQueueQuery } from '@cradle/contract';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadlineFilter, FilterSelect, QueueSearch } from './QueueFilters';
import { REGISTRATION_STATUSES } from './queueParams';

type Props = { query: RegistrationQueueQuery; onChange: (next: Partial<RegistrationQueueQuery>) => void };

/** Status, deadline, registry conflicts, and a search by number, parent's name or full ID number. */
export function RegistrationFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const conflicts = query.conflicts === undefined ? undefined : String(query.conflicts);
  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <FilterSelect
        label={t('family.filters.status')}
        value={query.status}
        options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`family.registrations.status.${s}`) }))}
        onChange={(status) => onChange({ status })}
        testId="filter-status"
      />
      <DeadlineFilter value={query.deadline} onChange={(deadline) => onChange({ deadline })} />
      <FilterSelect
        label={t('family.filters.conflicts')}
        value={conflicts}
        options={[
          { value: 'true', label: t('family.filters.withConflicts') },
          { value: 'false', label: t('family.filters.withoutConflicts') },
        ]}
        onChange={(v) => onChange({ conflicts: v === undefined ? undefined : v === 'true' })}
        testId="filter-conflicts"
      />
      <QueueSearch
        value={query.q}
        placeholder={t('family.registrations.searchPlaceholder')}
        width={300}
        onSearch={(q) => onChange({ q })}
      />
    </Form>
  );
}
