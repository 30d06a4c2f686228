import type { KeyTaskItem, KeyTaskQuery } from '@cradle/contract';
import { WEIXI_SECTIONS } from '@cradle/domain';
import { Card, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportKeyTasks, fetchKeyTasks, fetchUnits } from '../../api/supervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { useLang } from '../../lib/useLang';
import { StatusTag, taskLabel, UnitNames } from './labels';

/**
 * 重点任务 (issue 15): the county's key tasks, or, for a unit's liaison, the tasks its unit leads,
 * supports or implements (the server decides which: need to know).
 */
export function TasksPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState<KeyTaskQuery>({});
  const q = useQuery({
    queryKey: ['fetchKeyTasks', query],
    queryFn: ({ signal }) => fetchKeyTasks(query, signal),
    placeholderData: keepPreviousData,
  });
  const units = useQuery({ queryKey: ['fetchUnits'], queryFn: ({ signal }) => fetchUnits(signal), enabled: !mine });
  const columns: TableColumnsType<KeyTaskItem> = [
    {
      title: t('supervision.tasks.number'),
      width: 80,
      render: (_: unknown, r) => (
        <Link to={`/supervision/tasks/${r.id}`} data-testid={`kt-open-${r.number ?? `d${r.id}`}`}>
          {r.number === null ? t('supervision.tasks.decision') : `#${r.number}`}
        </Link>
      ),
    },
    {
      title: t('supervision.tasks.text'),
      dataIndex: 'text',
      render: (text: string, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
          {r.number === null && <Tag>{taskLabel(r)}</Tag>}
          {text}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('supervision.tasks.leads'),
      width: 220,
      render: (_: unknown, r) =>
        r.leads.length ? (
          <UnitNames units={r.leads} />
        ) : (
          <Typography.Text type="secondary">{t('supervision.tasks.noLead')}</Typography.Text>
        ),
    },
    { title: t('supervision.tasks.supports'), width: 220, render: (_: unknown, r) => <UnitNames units={r.supports} /> },
    ...(mine
      ? [
          {
            title: t('supervision.tasks.myRoles'),
            width: 110,
            render: (_: unknown, r: KeyTaskItem) =>
              r.myRoles.map((x) => <Tag key={x}>{t(`supervision.roles.${x}`)}</Tag>),
          },
        ]
      : [
          {
            title: t('supervision.tasks.implementing'),
            width: 160,
            render: (_: unknown, r: KeyTaskItem) => <UnitNames units={r.implementing} />,
          },
        ]),
    {
      title: t('supervision.tasks.due'),
      width: 120,
      render: (_: unknown, r) => (
        <>
          {r.dueOn}
          {r.recurrence && <Typography.Text type="secondary"> · {t('supervision.tasks.yearly')}</Typography.Text>}
        </>
      ),
    },
    { title: t('supervision.tasks.status'), width: 100, render: (_: unknown, r) => <StatusTag task={r} /> },
    {
      title: t('supervision.tasks.lastReport'),
      width: 150,
      render: (_: unknown, r) =>
        r.lastReport ? `${r.lastReport.period} ${t(`supervision.reportStates.${r.lastReport.state}`)}` : '',
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {mine ? t('supervision.tasks.myTitle') : t('supervision.tasks.title')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {mine ? t('supervision.tasks.myBasis') : t('supervision.tasks.basis')}
      </Typography.Text>
      {mine && q.data && (
        <Typography.Text data-testid="kt-my-units">
          {t('supervision.tasks.myUnits', { units: q.data.myUnits.map((u) => u.name).join('、') })}
        </Typography.Text>
      )}
      <Card
        title={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('supervision.tasks.allStatuses')}
              style={{ width: 140 }}
              value={query.status}
              onChange={(status) => setQuery((x) => ({ ...x, status }))}
              options={(['overdue', 'dueSoon', 'onTrack', 'done'] as const).map((s) => ({
                value: s,
                label: t(`supervision.statuses.${s}`),
              }))}
            />
            <Select
              allowClear
              placeholder={t('supervision.tasks.allSections')}
              style={{ width: 260 }}
              value={query.section}
              onChange={(section) => setQuery((x) => ({ ...x, section }))}
              options={Object.entries(WEIXI_SECTIONS).map(([k, v]) => ({
                value: k,
                label: lang === 'en' ? v.en : v.zh,
              }))}
            />
            {!mine && (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('supervision.tasks.allUnits')}
                style={{ width: 220 }}
                value={query.unit}
                onChange={(unit) => setQuery((x) => ({ ...x, unit }))}
                options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))}
              />
            )}
          </Space>
        }
        extra={<ExportXlsxButton download={() => exportKeyTasks(query)} testId="kt-export" />}
      >
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1300 }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          data-testid="kt-table"
        />
      </Card>
    </Flex>
  );
}
