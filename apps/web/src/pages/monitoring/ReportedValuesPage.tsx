import type { ReportedValueRow } from '@cradle/contract';
import { DatabaseOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  correctReportedValue,
  enterReportedValue,
  exportReportedValues,
  fetchReportedHistory,
  fetchReportedValues,
} from '../../api/monitoringEntry';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { RegionCascader } from '../../components/RegionCascader';
import { useMe } from '../../lib/auth';
import { pick, REPORTED_ITEM_LABELS } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { REPORTED } from './reportedIndicators';

type Entry = {
  indicator: string;
  regionCode: string;
  period: string;
  numerator: number;
  denominator?: number;
  reason?: string;
};
type Key = { indicator: string; region: string; period: string };

/** 上报数据: departments and the county enter an indicator's numerator and denominator; corrections are new versions. */
export function ReportedValuesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Entry>();
  const [filter, setFilter] = useState<{ indicator?: string; page: number }>({ page: 1 });
  const [historyOf, setHistoryOf] = useState<Key | null>(null);
  const indicatorCode = Form.useWatch('indicator', form);
  // Operators see their department's indicators; the county all of them.
  const mine = REPORTED.filter((r) => !me.roles.includes('departmentOperator') || me.department === r.department);
  const chosen = REPORTED.find((r) => r.def.code === indicatorCode);
  const mayEnter = me.roles.includes('countyAdmin') || (me.roles.includes('departmentOperator') && mine.length > 0);

  const list = useQuery({
    queryKey: ['reportedValues', filter],
    queryFn: ({ signal }) => fetchReportedValues(filter, signal),
    placeholderData: keepPreviousData,
  });
  const history = useQuery({
    queryKey: ['reportedHistory', historyOf],
    queryFn: ({ signal }) => fetchReportedHistory(historyOf!, signal),
    enabled: historyOf !== null,
  });
  const save = useMutation({
    mutationFn: async ({ entry, correction }: { entry: Entry; correction: boolean }) =>
      correction ? correctReportedValue(entry) : enterReportedValue(entry),
    onSuccess: (res, { entry }) => {
      void message.success(t('monitoringEntry.reported.saved', { n: res.written.length }));
      void list.refetch();
      setHistoryOf({ indicator: entry.indicator, region: entry.regionCode, period: entry.period });
    },
  });
  const submit = (correction: boolean) =>
    void form.validateFields().then((v) =>
      save.mutate({
        entry: {
          indicator: v.indicator,
          regionCode: v.regionCode,
          period: v.period.trim(),
          numerator: v.numerator,
          ...(chosen?.denominator ? { denominator: v.denominator ?? 0 } : {}),
          ...(v.reason ? { reason: v.reason } : {}),
        },
        correction,
      }),
    );

  const indicatorName = (item: string) => {
    const r = REPORTED.find((x) => x.numerator === item || x.denominator === item);
    return r ? pick(r.def.name, lang) : '';
  };
  const columns = [
    { title: t('monitoringEntry.reported.period'), dataIndex: 'period', width: 90 },
    { title: t('monitoringEntry.reported.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('monitoringEntry.reported.item'),
      key: 'item',
      render: (_: unknown, r: ReportedValueRow) => pick(r.itemName, lang),
    },
    { title: t('monitoringEntry.reported.value'), dataIndex: 'value', width: 100, align: 'right' as const },
    { title: t('monitoringEntry.reported.version'), dataIndex: 'version', width: 70 },
    { title: t('monitoringEntry.reported.by'), dataIndex: 'reportedByName', width: 160 },
    {
      title: t('monitoringEntry.reported.at'),
      key: 'at',
      width: 150,
      render: (_: unknown, r: ReportedValueRow) => formatDateTime(r.reportedAt),
    },
    {
      title: '',
      key: 'history',
      width: 90,
      render: (_: unknown, r: ReportedValueRow) => {
        const ind = REPORTED.find((x) => x.numerator === r.item || x.denominator === r.item);
        return ind ? (
          <Button
            type="link"
            size="small"
            onClick={() => setHistoryOf({ indicator: ind.def.code, region: r.regionCode, period: r.period })}
            data-testid="reported-history-open"
          >
            {t('monitoringEntry.reported.history')}
          </Button>
        ) : null;
      },
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="reported-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        <DatabaseOutlined /> {t('monitoringEntry.reported.title')}
      </Typography.Title>
      {mayEnter && (
        <Card title={t('monitoringEntry.reported.entry')}>
          <Typography.Paragraph type="secondary">{t('monitoringEntry.reported.hint')}</Typography.Paragraph>
          <Form form={form} layout="inline" style={{ rowGap: 12 }} data-testid="reported-form">
            <Form.Item
              name="indicator"
              label={t('monitoringEntry.reported.indicator')}
              rules={[{ required: true, message: t('monitoringEntry.required') }]}
            >
              <Select
                style={{ width: 240 }}
                options={mine.map((r) => ({ value: r.def.code, label: pick(r.def.name, lang) }))}
                data-testid="reported-indicator"
              />
            </Form.Item>
            <Form.Item
              name="regionCode"
              label={t('monitoringEntry.reported.region')}
              initialValue={me.jurisdiction.code}
              rules={[{ required: true, message: t('monitoringEntry.required') }]}
            >
              <RegionCascader testId="reported-region" />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('monitoringEntry.reported.period')}
              rules={[{ required: true, message: t('monitoringEntry.required') }]}
            >
              <Input style={{ width: 110 }} placeholder="2025" data-testid="reported-period" />
            </Form.Item>
            <Form.Item
              name="numerator"
              label={
                chosen ? pick(REPORTED_ITEM_LABELS[chosen.numerator], lang) : t('monitoringEntry.reported.numerator')
              }
              rules={[{ required: true, message: t('monitoringEntry.required') }]}
            >
              <InputNumber style={{ width: 140 }} data-testid="reported-numerator" />
            </Form.Item>
            {chosen?.denominator && (
              <Form.Item
                name="denominator"
                label={pick(REPORTED_ITEM_LABELS[chosen.denominator], lang)}
                rules={[{ required: true, message: t('monitoringEntry.required') }]}
              >
                <InputNumber style={{ width: 140 }} data-testid="reported-denominator" />
              </Form.Item>
            )}
            <Form.Item name="reason" label={t('monitoringEntry.reported.reason')}>
              <Input
                style={{ width: 260 }}
                placeholder={t('monitoringEntry.reported.reasonHint')}
                data-testid="reported-reason"
              />
            </Form.Item>
          </Form>
          <ApiErrorAlert error={save.error} />
          <Flex gap={8} style={{ marginTop: 12 }}>
            <Button type="primary" loading={save.isPending} onClick={() => submit(false)} data-testid="reported-enter">
              {t('monitoringEntry.reported.enter')}
            </Button>
            <Button loading={save.isPending} onClick={() => submit(true)} data-testid="reported-correct">
              {t('monitoringEntry.reported.correct')}
            </Button>
          </Flex>
        </Card>
      )}
      <Card
        title={t('monitoringEntry.reported.list')}
        extra={
          <Flex gap={8}>
            <Select
              allowClear={{ label: t('common.clear') }}
              style={{ width: 220 }}
              placeholder={t('monitoringEntry.reported.allIndicators')}
              value={filter.indicator}
              onChange={(v?: string) => setFilter({ page: 1, ...(v ? { indicator: v } : {}) })}
              options={REPORTED.map((r) => ({ value: r.def.code, label: pick(r.def.name, lang) }))}
            />
            <ExportXlsxButton
              download={() => exportReportedValues(filter.indicator ? { indicator: filter.indicator } : {})}
            />
          </Flex>
        }
      >
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<ReportedValueRow>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          pagination={{
            current: filter.page,
            pageSize: list.data?.pageSize ?? 50,
            total: list.data?.total ?? 0,
            onChange: (page) => setFilter((f) => ({ ...f, page })),
          }}
          data-testid="reported-table"
        />
      </Card>
      <Modal
        open={historyOf !== null}
        onCancel={() => setHistoryOf(null)}
        footer={null}
        width={900}
        title={historyOf ? t('monitoringEntry.reported.historyTitle', { period: historyOf.period }) : ''}
      >
        <Table<ReportedValueRow>
          rowKey="id"
          size="small"
          loading={history.isFetching}
          dataSource={history.data ?? []}
          pagination={false}
          data-testid="reported-history"
          columns={[
            { title: t('monitoringEntry.reported.item'), key: 'item', render: (_, r) => pick(r.itemName, lang) },
            { title: t('monitoringEntry.reported.value'), dataIndex: 'value', align: 'right' },
            {
              title: t('monitoringEntry.reported.version'),
              key: 'version',
              render: (_, r) => (
                <Tag color={r.version > 1 ? 'orange' : 'default'}>
                  {t('monitoringEntry.reported.v', { n: r.version })}
                </Tag>
              ),
            },
            { title: t('monitoringEntry.reported.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
            { title: t('monitoringEntry.reported.by'), dataIndex: 'reportedByName' },
            { title: t('monitoringEntry.reported.at'), key: 'at', render: (_, r) => formatDateTime(r.reportedAt) },
          ]}
        />
        <Typography.Text type="secondary">
          {historyOf ? indicatorName(REPORTED.find((x) => x.def.code === historyOf.indicator)?.numerator ?? '') : ''}
        </Typography.Text>
      </Modal>
    </Flex>
  );
}
