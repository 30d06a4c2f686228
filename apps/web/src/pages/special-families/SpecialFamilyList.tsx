import type { SpecialFamilyFileSummary, SpecialFamilyQuery } from '@cradle/contract';
import { Card, Checkbox, Flex, Select, Table, Tag, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportSpecialFamilies, fetchSpecialFamilies } from '../../api/specialFamilies';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { formatDateTime } from '../../lib/format';

type Filter = Pick<SpecialFamilyQuery, 'status' | 'overdue'>;
const STATUSES = ['proposed', 'confirmed', 'rejected', 'ended'] as const;

/** 档案列表 (or the county's queue, fixed to 待确认): masked names and ID numbers; the XLSX export. */
export function SpecialFamilyList({ fixed, testId = 'special-families-table' }: { fixed?: Filter; testId?: string }) {
  const { t } = useTranslation();
  const [chosen, setFilter] = useState<Filter>({});
  const filter = fixed ?? chosen;
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['fetchSpecialFamilies', filter, page],
    queryFn: ({ signal }) => fetchSpecialFamilies({ ...filter, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const person = (p: SpecialFamilyFileSummary['mother']) => (p ? `${p.name} ${p.idMasked}` : t('common.none'));
  const columns: TableColumnsType<SpecialFamilyFileSummary> = [
    {
      title: t('specialFamilies.fields.id'),
      dataIndex: 'id',
      width: 90,
      render: (id: number) => <Link to={`/special-families/${id}`}>{id}</Link>,
    },
    {
      title: t('specialFamilies.fields.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (k: SpecialFamilyFileSummary['kind']) => t(`specialFamilyKinds.${k}`),
    },
    {
      title: t('specialFamilies.fields.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: SpecialFamilyFileSummary['status'], f) => (
        <>
          {t(`specialFamilyStatuses.${s}`)}
          {f.overdue && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('specialFamilies.overdue')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('specialFamilies.fields.region'), dataIndex: 'regionName', width: 150 },
    { title: t('specialFamilies.fields.mother'), render: (_: unknown, f) => person(f.mother), width: 220 },
    { title: t('specialFamilies.fields.father'), render: (_: unknown, f) => person(f.father), width: 220 },
    { title: t('specialFamilies.fields.eventDate'), dataIndex: 'eventDate', width: 110 },
    {
      title: t('specialFamilies.fields.nextVisit'),
      dataIndex: 'nextVisitDue',
      width: 110,
      render: (d: string | null) => d ?? t('common.none'),
    },
    {
      title: t('specialFamilies.fields.proposedAt'),
      dataIndex: 'proposedAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Card extra={<ExportXlsxButton download={() => exportSpecialFamilies(filter)} testId={`${testId}-export`} />}>
      {!fixed && (
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('specialFamilies.fields.status')}
            style={{ width: 180 }}
            value={chosen.status}
            onChange={(status?: Filter['status']) => {
              setFilter({ ...chosen, status });
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`specialFamilyStatuses.${s}`) }))}
          />
          <Checkbox
            checked={chosen.overdue === true}
            onChange={(e) => {
              setFilter({ ...chosen, overdue: e.target.checked ? true : undefined });
              setPage(1);
            }}
          >
            {t('specialFamilies.onlyOverdue')}
          </Checkbox>
        </Flex>
      )}
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={q.data?.items}
        loading={q.isFetching}
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        data-testid={testId}
      />
    </Card>
  );
}
