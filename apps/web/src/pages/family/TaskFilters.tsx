import type { TaskQueueQuery } from '@cradle/contract';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';
import { bundleServiceDefinition, type BundleService } from './familyDomain';
import { DeadlineFilter, FilterSelect, QueueSearch } from './QueueFilters';
import { TASK_STATUSES } from './queueParams';

type Props = {
  query: TaskQueueQuery;
  services: readonly BundleService[];
  onChange: (next: Partial<TaskQueueQuery>) => void;
};

/** Service (the user's department's, or all five for readers), status, deadline, and a search by number or name. */
export function TaskFilters({ query, services, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      {services.length > 1 && (
        <FilterSelect
          label={t('family.filters.service')}
          value={query.service}
          width={180}
          options={services.map((s) => ({ value: s, label: pick(bundleServiceDefinition(s).label, lang) }))}
          onChange={(service) => onChange({ service })}
          testId="filter-service"
        />
      )}
      <FilterSelect
        label={t('family.filters.status')}
        value={query.status}
        options={TASK_STATUSES.map((s) => ({ value: s, label: t(`family.tasks.status.${s}`) }))}
        onChange={(status) => onChange({ status })}
        testId="filter-status"
      />
      <DeadlineFilter value={query.deadline} onChange={(deadline) => onChange({ deadline })} />
      <QueueSearch
        value={query.q}
        placeholder={t('family.tasks.searchPlaceholder')}
        width={280}
        onSearch={(q) => onChange({ q })}
      />
    </Form>
  );
}
