import type { IncidentView, RectificationView, SupervisedInstitution } from '@cradle/contract';
import {
  Alert,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  exportIncidents,
  exportRectifications,
  exportSupervised,
  fetchIncidents,
  fetchRectifications,
  fetchSafetyRecord,
  fetchSupervised,
} from '../../api/childcareSupervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { useMe, mayReadChildcare } from '../../lib/auth';
import {
  checklistItemLabel,
  incidentSeverityLabel,
  inspectionAreaLabel,
  ratingGradeLabel,
  rectificationStateLabel,
  supervisionReachOf,
} from '../../lib/domain';
import { useField, useWord } from './supervisionWords';

/** 托育机构监管 (issue 14): institutions with open and overdue rectifications, the items, incidents. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const word = useWord();
  const own = supervisionReachOf(me)?.areas;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('childcareSupervision.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('childcareSupervision.basis')}</Typography.Text>
      {own && (
        <Alert
          type="info"
          showIcon
          data-testid="ccs-own-areas"
          title={t('childcareSupervision.yourAreas', {
            areas: own.map((a) => word(inspectionAreaLabel(a))).join(t('common.listSeparator')),
          })}
        />
      )}
      <Tabs
        items={[
          { key: 'i', label: t('childcareSupervision.tabs.institutions'), children: <Institutions /> },
          { key: 'r', label: t('childcareSupervision.tabs.rectifications'), children: <Rectifications /> },
          ...(mayReadChildcare(me)
            ? [{ key: 'x', label: t('childcareSupervision.tabs.incidents'), children: <Incidents /> }]
            : []),
        ]}
      />
    </Flex>
  );
}

function Institutions() {
  const { t } = useTranslation();
  const word = useWord();
  // An inspecting department reads no ratings (the county's): the column goes.
  const reach = supervisionReachOf(useMe());
  const ratings = reach?.whole ?? true;
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['fetchSupervised', page],
    queryFn: ({ signal }) => fetchSupervised({ page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const f = useField();
  const columns: TableColumnsType<SupervisedInstitution> = [
    {
      title: f('name'),
      dataIndex: 'name',
      render: (name: string, r) => <Link to={`/childcare/supervision/${r.id}`}>{name}</Link>,
    },
    { title: f('place'), dataIndex: 'regionName', width: 130 },
    { title: f('address'), dataIndex: 'address', width: 150, ellipsis: true },
    {
      title: f('type'),
      dataIndex: 'type',
      width: 150,
      render: (v: SupervisedInstitution['type']) => t(`institutionTypes.${v}`),
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v: SupervisedInstitution['status']) => t(`institutionStatuses.${v}`),
    },
    { title: f('slots'), dataIndex: 'slots', width: 70 },
    { title: f('open'), dataIndex: 'openRectifications', width: 110 },
    {
      title: f('overdue'),
      dataIndex: 'overdueRectifications',
      width: 100,
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
    },
    ...(ratings
      ? [
          {
            title: f('rating'),
            width: 120,
            render: (_: unknown, r: SupervisedInstitution) =>
              r.latestRating
                ? `${r.latestRating.year} ${word(ratingGradeLabel(r.latestRating.grade))}`
                : t('childcareSupervision.none'),
          },
        ]
      : []),
    {
      title: f('lastInspected'),
      dataIndex: 'lastInspectedOn',
      width: 110,
      render: (v: string | null) => v ?? t('childcareSupervision.none'),
    },
  ];
  return (
    <Card extra={<ExportXlsxButton download={exportSupervised} testId="ccs-institutions-export" />}>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={q.data?.items}
        loading={q.isFetching}
        scroll={{ x: ratings ? 1200 : 1040 }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
        data-testid="ccs-institutions"
      />
    </Card>
  );
}

/** The rectification items, overdue in red (REQUIREMENTS C1: "overdue in red after its date"). */
export function rectificationColumns(
  f: ReturnType<typeof useField>,
  word: ReturnType<typeof useWord>,
  overdueText: string,
  withInstitution: boolean,
): TableColumnsType<RectificationView> {
  return [
    ...(withInstitution
      ? [
          {
            title: f('name'),
            dataIndex: 'institutionName',
            width: 180,
            render: (name: string, r: RectificationView) => (
              <Link to={`/childcare/supervision/${r.institutionId}`}>{name}</Link>
            ),
          },
        ]
      : []),
    {
      title: f('area'),
      dataIndex: 'area',
      width: 110,
      render: (a: RectificationView['area']) => word(inspectionAreaLabel(a)),
    },
    { title: f('item'), dataIndex: 'item', width: 200, render: (i: string) => word(checklistItemLabel(i)) },
    { title: f('requirement'), dataIndex: 'requirement' },
    {
      title: f('dueOn'),
      dataIndex: 'dueOn',
      width: 170,
      render: (d: string, r) => (
        <span data-testid={`ccs-due-${r.id}`}>
          {d} {r.overdue && <Tag color="red">{overdueText}</Tag>}
        </span>
      ),
    },
    {
      title: f('state'),
      dataIndex: 'state',
      width: 140,
      render: (s: RectificationView['state']) => word(rectificationStateLabel(s)),
    },
  ];
}

function Rectifications() {
  const { t } = useTranslation();
  const word = useWord();
  const field = useField();
  const [state, setState] = useState<RectificationView['state'] | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const filter = { ...(state ? { state } : {}), ...(overdue ? { overdue } : {}) };
  const q = useQuery({
    queryKey: ['fetchRectifications', state, overdue, page],
    queryFn: ({ signal }) => fetchRectifications({ ...filter, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={
        <Flex gap={12} align="center">
          <Select<RectificationView['state']>
            allowClear
            placeholder={t('childcareSupervision.allStates')}
            style={{ width: 180 }}
            value={state}
            onChange={(s) => {
              setState(s);
              setPage(1);
            }}
            options={(['open', 'reported', 'closed'] as const).map((s) => ({
              value: s,
              label: word(rectificationStateLabel(s)),
            }))}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="ccs-only-overdue">
            {t('childcareSupervision.onlyOverdue')}
          </Checkbox>
        </Flex>
      }
      extra={<ExportXlsxButton download={() => exportRectifications(filter)} testId="ccs-rectifications-export" />}
    >
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Table
        rowKey="id"
        size="middle"
        columns={rectificationColumns(field, word, t('childcareSupervision.overdueTag'), true)}
        dataSource={q.data?.items}
        loading={q.isFetching}
        scroll={{ x: 1100 }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
        data-testid="ccs-rectifications"
      />
    </Card>
  );
}

export function incidentColumns(
  f: ReturnType<typeof useField>,
  word: ReturnType<typeof useWord>,
): TableColumnsType<IncidentView> {
  return [
    { title: f('occurredOn'), dataIndex: 'occurredOn', width: 110 },
    { title: f('name'), dataIndex: 'institutionName', width: 180 },
    {
      title: f('severity'),
      dataIndex: 'severity',
      width: 100,
      render: (s: IncidentView['severity']) => word(incidentSeverityLabel(s)),
    },
    { title: f('summary'), dataIndex: 'summary' },
    { title: f('injured'), dataIndex: 'injured', width: 90 },
    { title: f('deaths'), dataIndex: 'deaths', width: 90 },
  ];
}

function Incidents() {
  const { t } = useTranslation();
  const word = useWord();
  const field = useField();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [page, setPage] = useState(1);
  const record = useQuery({
    queryKey: ['fetchSafetyRecord', year],
    queryFn: ({ signal }) => fetchSafetyRecord(year, signal),
  });
  const q = useQuery({
    queryKey: ['fetchIncidents', page],
    queryFn: ({ signal }) => fetchIncidents({ page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const r = record.data;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <span>{t('childcareSupervision.safety.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          {r && (
            <Alert
              data-testid="ccs-safety-record"
              type={r.noMajorIncident ? 'success' : 'error'}
              showIcon
              title={
                r.noMajorIncident
                  ? t('childcareSupervision.safety.holds', { from: r.from, to: r.to })
                  : t('childcareSupervision.safety.broken', { from: r.from, to: r.to, n: r.majorIncidents.length })
              }
            />
          )}
        </Flex>
        <Typography.Text type="secondary">{t('childcareSupervision.safety.basis')}</Typography.Text>
      </Card>
      <Card extra={<ExportXlsxButton download={exportIncidents} testId="ccs-incidents-export" />}>
        <ApiErrorAlert error={q.error ?? record.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="middle"
          columns={incidentColumns(field, word)}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1000 }}
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
          data-testid="ccs-incidents"
        />
      </Card>
    </Flex>
  );
}
