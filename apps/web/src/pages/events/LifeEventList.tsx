import type { LifeEventQuery, LifeEventView } from '@cradle/contract';
import { Card, Flex, Select, Table, Tag, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportLifeEvents, fetchLifeEvents } from '../../api/lifeEvents';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { formatDateTime } from '../../lib/format';
import { optionalLabel } from '../../lib/optionalLabel';

type Filter = Pick<LifeEventQuery, 'kind' | 'channel'>;

/** 事件列表: masked ID number, name, kind, date, region, channel; filters and the XLSX export. */
export function LifeEventList({ version }: { version: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['fetchLifeEvents', filter, page, version],
    queryFn: ({ signal }) => fetchLifeEvents({ ...filter, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<LifeEventView> = [
    { title: t('events.fields.idNumber'), dataIndex: 'idMasked', width: 180 },
    { title: t('events.fields.name'), dataIndex: 'name', width: 110 },
    {
      title: t('events.fields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: LifeEventView['kind'], e) => (
        <>
          {t(`lifeEventKinds.${k}`)}
          {e.maternal && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('events.maternalTag')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('events.fields.eventDate'), dataIndex: 'eventDate', width: 110 },
    { title: t('events.fields.region'), dataIndex: 'regionName', width: 150 },
    {
      title: t('events.fields.detail'),
      render: (_: unknown, e) =>
        e.kind === 'death'
          ? [optionalLabel('deathPlaces', e.deathPlace), optionalLabel('causeCategories', e.causeCategory)]
              .filter(Boolean)
              .join(t('common.listSeparator'))
          : [e.otherRegionCode, e.otherRegionName, e.spouseIdMasked].filter(Boolean).join(' '),
    },
    {
      title: t('events.fields.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (c: LifeEventView['channel']) => t(`events.channels.${c}`),
    },
    {
      title: t('events.fields.recordedAt'),
      dataIndex: 'recordedAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
  ];
  const kinds = ['death', 'moveIn', 'moveOut', 'marriage'] as const;
  return (
    <Card
      title={t('events.list.title')}
      extra={<ExportXlsxButton download={() => exportLifeEvents(filter)} testId="events-export" />}
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear={{ label: t('common.clear') }}
          placeholder={t('events.fields.kind')}
          style={{ width: 160 }}
          value={filter.kind}
          onChange={(kind?: Filter['kind']) => {
            setFilter({ ...filter, kind });
            setPage(1);
          }}
          options={kinds.map((k) => ({ value: k, label: t(`lifeEventKinds.${k}`) }))}
          data-testid="events-filter-kind"
        />
        <Select
          allowClear={{ label: t('common.clear') }}
          placeholder={t('events.fields.channel')}
          style={{ width: 160 }}
          value={filter.channel}
          onChange={(channel?: Filter['channel']) => {
            setFilter({ ...filter, channel });
            setPage(1);
          }}
          options={(['form', 'import', 'api'] as const).map((c) => ({ value: c, label: t(`events.channels.${c}`) }))}
        />
      </Flex>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={q.data?.items}
        loading={q.isFetching}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        data-testid="events-table"
      />
    </Card>
  );
}
