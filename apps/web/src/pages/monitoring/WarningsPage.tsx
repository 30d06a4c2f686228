import type { WarningView } from '@cradle/contract';
import { AlertOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgeWarning, exportWarnings, fetchWarnings } from '../../api/monitoringEntry';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { isAdmin, useMe } from '../../lib/auth';
import { pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePeriodLabel } from './words';

/** 预警: the raised early warnings, each with its rule in words, figures and whose reading it is; acknowledged with a note. */
export function WarningsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const periodLabel = usePeriodLabel();
  const me = useMe();
  const { message } = App.useApp();
  const [state, setState] = useState<'open' | 'acknowledged'>('open');
  const [page, setPage] = useState(1);
  const [acking, setAcking] = useState<WarningView | null>(null);
  const [note, setNote] = useState('');
  const list = useQuery({
    queryKey: ['warnings', state, page],
    queryFn: ({ signal }) => fetchWarnings({ state, page }, signal),
    placeholderData: keepPreviousData,
  });
  const ack = useMutation({
    mutationFn: () => acknowledgeWarning(acking!.id, note),
    onSuccess: () => {
      void message.success(t('monitoringEntry.warnings.acknowledged'));
      setAcking(null);
      setNote('');
      void list.refetch();
    },
  });
  const figure = (w: WarningView) =>
    w.value === null
      ? t('monitoringEntry.warnings.noValue')
      : `${Math.round(w.value * 100) / 100}${pick(w.unit, lang)}` +
        (w.denominator !== null && w.numerator !== null ? `（${w.numerator} / ${w.denominator}）` : '');

  return (
    <Flex vertical gap={16} data-testid="warnings-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        <AlertOutlined /> {t('monitoringEntry.warnings.title')}
      </Typography.Title>
      <Card
        title={
          <Segmented
            value={state}
            onChange={(v) => {
              setState(v as 'open' | 'acknowledged');
              setPage(1);
            }}
            options={[
              { value: 'open', label: t('monitoringEntry.warnings.open') },
              { value: 'acknowledged', label: t('monitoringEntry.warnings.done') },
            ]}
          />
        }
        extra={<ExportXlsxButton download={() => exportWarnings({ state })} />}
      >
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<WarningView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          pagination={{
            current: page,
            pageSize: list.data?.pageSize ?? 50,
            total: list.data?.total ?? 0,
            onChange: setPage,
          }}
          data-testid="warnings-table"
          columns={[
            {
              title: t('monitoringEntry.warnings.severity'),
              key: 'severity',
              width: 80,
              render: (_, w) => (
                <Tag color={w.severity === 'alert' ? 'red' : 'orange'}>
                  {t(`monitoringEntry.warnings.${w.severity}`)}
                </Tag>
              ),
            },
            {
              title: t('monitoringEntry.warnings.rule'),
              key: 'rule',
              width: 260,
              render: (_, w) => (
                <Flex vertical>
                  <Typography.Text strong>{pick(w.ruleName, lang)}</Typography.Text>
                  <Typography.Text type="secondary">{pick(w.indicatorName, lang)}</Typography.Text>
                </Flex>
              ),
            },
            { title: t('monitoringEntry.warnings.region'), dataIndex: 'regionName', width: 110 },
            {
              title: t('monitoringEntry.warnings.period'),
              dataIndex: 'period',
              width: 110,
              render: (p: string) => periodLabel(p),
            },
            { title: t('monitoringEntry.warnings.figures'), key: 'figures', width: 160, render: (_, w) => figure(w) },
            {
              title: t('monitoringEntry.warnings.reading'),
              key: 'reading',
              render: (_, w) => (
                <Flex vertical>
                  <Tag color={w.readingBy === 'seed' ? 'blue' : 'purple'} style={{ width: 'fit-content' }}>
                    {t(`monitoringEntry.warnings.by.${w.readingBy}`)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pick(w.reading, lang)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: state === 'open' ? t('monitoringEntry.warnings.raisedAt') : t('monitoringEntry.warnings.note'),
              key: 'when',
              width: 200,
              render: (_, w) =>
                state === 'open' ? (
                  formatDateTime(w.raisedAt)
                ) : (
                  <Flex vertical>
                    <span>{w.acknowledgementNote}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {w.acknowledgedByName} {formatDateTime(w.acknowledgedAt)}
                    </Typography.Text>
                  </Flex>
                ),
            },
            ...(state === 'open' && isAdmin(me)
              ? [
                  {
                    title: '',
                    key: 'ack',
                    width: 90,
                    render: (_: unknown, w: WarningView) => (
                      <Button size="small" onClick={() => setAcking(w)} data-testid="warning-ack">
                        {t('monitoringEntry.warnings.ack')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={acking !== null}
        title={t('monitoringEntry.warnings.ackTitle')}
        onCancel={() => setAcking(null)}
        onOk={() => ack.mutate()}
        okText={t('monitoringEntry.warnings.ack')}
        confirmLoading={ack.isPending}
        okButtonProps={{ disabled: note.trim() === '', id: 'warning-ack-ok' }}
      >
        {acking && (
          <Typography.Paragraph>
            {pick(acking.ruleName, lang)} · {acking.regionName} · {periodLabel(acking.period)}
          </Typography.Paragraph>
        )}
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('monitoringEntry.warnings.notePlaceholder')}
          data-testid="warning-note"
        />
        <ApiErrorAlert error={ack.error} />
      </Modal>
    </Flex>
  );
}
