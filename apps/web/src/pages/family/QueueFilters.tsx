import type { DeadlineState } from '@cradle/contract';
import { Form, Input, Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_STATES } from './queueParams';

type FilterSelectProps<V> = {
  label: ReactNode;
  value: V | undefined;
  options: SelectProps<V>['options'];
  onChange: (value: V | undefined) => void;
  testId: string;
  width?: number;
};

/** One labelled, clearable filter of a family queue; empty means all. */
export function FilterSelect<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  width = 140,
}: FilterSelectProps<V>) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label}>
      <Select<V>
        allowClear={{ label: t('common.clear') }}
        value={value}
        placeholder={t('family.filters.all')}
        style={{ width }}
        options={options}
        onChange={(v) => onChange(v)}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** The deadline filter both queues share. */
export function DeadlineFilter({
  value,
  onChange,
}: {
  value: DeadlineState | undefined;
  onChange: (deadline: DeadlineState | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      label={t('family.filters.deadline')}
      value={value}
      options={DEADLINE_STATES.map((s) => ({ value: s, label: t(`family.deadline.${s}`) }))}
      onChange={onChange}
      testId="filter-deadline"
    />
  );
}

type SearchProps = {
  value: string | undefined;
  placeholder: string;
  width: number;
  onSearch: (q: string | undefined) => void;
};

/** The queue's search box; remounted when the URL's query changes so it shows it. */
export function QueueSearch({ value, placeholder, width, onSearch }: SearchProps) {
  return (
    <Form.Item>
      <Input.Search
        key={value ?? ''}
        allowClear
        defaultValue={value}
        placeholder={placeholder}
        style={{ width }}
        onSearch={(q) => onSearch(q.trim() || undefined)}
        data-testid="filter-search"
      />
    </Form.Item>
  );
}
