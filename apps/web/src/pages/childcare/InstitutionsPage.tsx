import type { InstitutionListItem } from '@cradle/contract';
import { Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportInstitutions, fetchInstitutions } from '../../api/childcare';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';

type Status = InstitutionListItem['status'];

/** 托育机构 (issue 14): the jurisdiction's institutions with their slots and latest filing. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['fetchInstitutions', status, page],
    queryFn: ({ signal }) => fetchInstitutions({ ...(status ? { status } : {}), page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<InstitutionListItem> = [
    {
      title: t('childcare.fields.filingNo'),
      dataIndex: 'filingNo',
      width: 150,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('childcare.fields.name'),
      dataIndex: 'name',
      render: (name: string, r) => <Link to={`/childcare/institutions/${r.id}`}>{name}</Link>,
    },
    { title: t('childcare.fields.place'), dataIndex: 'regionName', width: 140 },
    {
      title: t('childcare.fields.type'),
      dataIndex: 'type',
      width: 160,
      render: (v: InstitutionListItem['type']) => t(`institutionTypes.${v}`),
    },
    {
      title: t('childcare.fields.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: Status) => t(`institutionStatuses.${v}`),
    },
    { title: t('childcare.fields.slots'), dataIndex: 'slots', width: 80 },
    { title: t('childcare.fields.affordableSlots'), dataIndex: 'affordableSlots', width: 90 },
    { title: t('childcare.fields.enrolled'), dataIndex: 'enrolled', width: 90 },
    {
      title: t('childcare.fields.state'),
      width: 170,
      render: (_: unknown, r) => `${t(`filingKinds.${r.latestKind}`)}·${t(`filingStates.${r.latestState}`)}`,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('childcare.institutions.title')}
      </Typography.Title>
      <Card
        title={
          <Select<Status>
            allowClear
            placeholder={t('childcare.institutions.allStatuses')}
            style={{ width: 180 }}
            value={status}
            onChange={(s) => {
              setStatus(s);
              setPage(1);
            }}
            options={(['pending', 'filed', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`institutionStatuses.${s}`),
            }))}
          />
        }
        extra={
          <ExportXlsxButton
            download={() => exportInstitutions(status ? { status } : {})}
            testId="cc-institutions-export"
          />
        }
      >
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          data-testid="cc-institutions"
        />
      </Card>
    </Flex>
  );
}
