import type { FilingQueueItem } from '@cradle/contract';

type FilingState = FilingQueueItem['state'];
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { completeFiling, exportFilingQueue, fetchFilingQueue, sendBackFiling } from '../../api/childcare';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { useErrorText } from '../../lib/errors';
import { deadlineRowClass } from '../family/familyTags';
import '../family/family.css';
import { DeadlineTag } from './deadline';

/** 备案审核 (issue 14): the county files or sends back within 5 working days; overdue in red. */
export function FilingQueuePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [state, setState] = useState<FilingState>('received');
  const [page, setPage] = useState(1);
  const [sending, setSending] = useState<FilingQueueItem | null>(null);
  const q = useQuery({
    queryKey: ['fetchFilingQueue', state, page],
    queryFn: ({ signal }) => fetchFilingQueue({ state, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const complete = useMutation({
    mutationFn: (id: number) => completeFiling(id),
    onSuccess: () => {
      void message.success(t('childcare.queue.completed'));
      void q.refetch();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const columns: TableColumnsType<FilingQueueItem> = [
    {
      title: t('childcare.fields.name'),
      dataIndex: 'name',
      width: 220,
      render: (name: string, r) => <Link to={`/childcare/institutions/${r.institutionId}`}>{name}</Link>,
    },
    { title: t('childcare.fields.uscc'), dataIndex: 'uscc', width: 190 },
    { title: t('childcare.fields.place'), dataIndex: 'regionName', width: 140 },
    {
      title: t('childcare.fields.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: FilingQueueItem['kind']) => t(`filingKinds.${k}`),
    },
    { title: t('childcare.fields.version'), dataIndex: 'version', width: 70 },
    { title: t('childcare.fields.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    state === 'received'
      ? {
          title: t('childcare.fields.reviewDeadline'),
          width: 190,
          render: (_: unknown, r) => <DeadlineTag date={r.reviewDeadline} state={r.reviewState} />,
        }
      : {
          title: t('childcare.fields.correctionDeadline'),
          width: 190,
          render: (_: unknown, r) => <DeadlineTag date={r.correctionDeadline} state={r.correctionState} />,
        },
    ...(state === 'received'
      ? [
          {
            title: t('childcare.fields.actions'),
            width: 200,
            render: (_: unknown, r: FilingQueueItem) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  data-testid={`cc-complete-${r.id}`}
                  onClick={() => {
                    modal.confirm({
                      title: t('childcare.queue.complete'),
                      content: t('childcare.queue.completeConfirm', { name: r.name }),
                      okText: t('childcare.queue.complete'),
                      cancelText: t('common.cancel'),
                      onOk: () => {
                        complete.mutate(r.id);
                      },
                    });
                  }}
                >
                  {t('childcare.queue.complete')}
                </Button>
                <Button size="small" onClick={() => setSending(r)} data-testid={`cc-send-back-${r.id}`}>
                  {t('childcare.queue.sendBack')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('childcare.queue.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('childcare.queue.basis')}</Typography.Text>
      <Card
        title={
          <Segmented<FilingState>
            value={state}
            onChange={(s) => {
              setState(s);
              setPage(1);
            }}
            options={[
              { value: 'received', label: t('childcare.queue.received') },
              { value: 'sentBack', label: t('childcare.queue.sentBack') },
            ]}
          />
        }
        extra={<ExportXlsxButton download={() => exportFilingQueue({ state })} testId="cc-queue-export" />}
      >
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1250 }}
          rowClassName={(r) => deadlineRowClass(r.reviewState ?? r.correctionState)}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          data-testid="cc-queue"
        />
      </Card>
      {sending && (
        <SendBackModal
          item={sending}
          onClose={() => setSending(null)}
          onDone={() => {
            setSending(null);
            void q.refetch();
          }}
        />
      )}
    </Flex>
  );
}

function SendBackModal({ item, onClose, onDone }: { item: FilingQueueItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const send = useMutation({
    mutationFn: (reason: string) => sendBackFiling(item.id, reason),
    onSuccess: () => {
      void message.success(t('childcare.queue.sentBackDone'));
      onDone();
    },
  });
  return (
    <Modal
      open
      title={t('childcare.queue.sendBackTitle', { name: item.name })}
      okText={t('childcare.queue.sendBack')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
    >
      <ApiErrorAlert error={send.error} />
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v.reason)}>
        <Form.Item name="reason" label={t('childcare.queue.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('childcare.queue.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
