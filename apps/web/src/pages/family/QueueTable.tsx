import type { DeadlineState, Page } from '@cradle/contract';
import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { deadlineRowClass } from './familyTags';

type Row = { id: number; deadlineState: DeadlineState | null };

/** What a queue page hands its table. */
export type QueueTableProps<T> = {
  data: Page<T> | undefined;
  loading: boolean;
  /** Null when the user may not complete any row in bulk: no selection. */
  selected: Key[] | null;
  onSelect: (keys: Key[]) => void;
  onPage: (page: number) => void;
};

type Props<T extends Row> = QueueTableProps<T> & {
  columns: TableColumnsType<T>;
  /** Whether a row may be selected for a bulk completion. */
  selectable: (row: T) => boolean;
  /** The row's detail page. */
  pathOf: (row: T) => string;
  emptyText: string;
  rowTestId: string;
  /** More data- attributes on each row, for browser tests. */
  rowData?: (row: T) => Record<string, string>;
  testId: string;
};

/** A family queue: rows open their detail; overdue rows red, due-today rows gold. */
export function QueueTable<T extends Row>({
  data,
  loading,
  columns,
  selected,
  onSelect,
  selectable,
  onPage,
  pathOf,
  emptyText,
  rowTestId,
  rowData,
  testId,
}: Props<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<T>
      className="clickable-rows family-queue"
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      rowClassName={(r) => deadlineRowClass(r.deadlineState)}
      rowSelection={
        selected === null
          ? undefined
          : { selectedRowKeys: selected, onChange: onSelect, getCheckboxProps: (r) => ({ disabled: !selectable(r) }) }
      }
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        hideOnSinglePage: true,
        showSizeChanger: false,
        onChange: onPage,
        showTotal: (total) => t('common.total', { total }),
      }}
      // Fixed widths, no sideways scroll: the deadline and status show at 1366 px (issue 12).
      tableLayout="fixed"
      locale={{ emptyText }}
      onRow={(r) =>
        ({
          'data-testid': rowTestId,
          'data-id': r.id,
          ...rowData?.(r),
          'data-deadline': r.deadlineState ?? '',
          onClick: (e) =>
            !(e.target as HTMLElement).closest('a, .ant-table-selection-column') && void navigate(pathOf(r)),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  );
}
