import type { BatchView } from '@cradle/contract';
import { CheckOutlined, NotificationOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Steps, Tag, Tooltip } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { approveBatch, publishBatchNotice } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { mayRunPaymentCycles, useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { CancelBatchModal } from './CancelBatchModal';

type Props = { batch: BatchView; onChanged: (next: BatchView) => void };

const STAGE_COLOR: Record<BatchView['stage'], string> = {
  draft: 'gold',
  noticed: 'processing',
  approved: 'success',
  exported: 'success',
  cancelled: 'default',
};

/** Which of run → notice → approve → export the batch has reached (a scheme without notice skips it). */
function currentStep(b: BatchView, withNotice: boolean): number {
  const order = withNotice ? ['draft', 'noticed', 'approved', 'exported'] : ['draft', 'approved', 'exported'];
  return Math.max(0, order.indexOf(b.stage)) + 1;
}

/**
 * 审批（双人复核）: a complete batch is a draft until a second person approves it. Where the
 * scheme has a public notice the roster is published for its days first; a batch not yet
 * exported can be cancelled with a reason. The server checks every rule again.
 */
export function BatchReviewCard({ batch, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [cancelOpen, setCancelOpen] = useState(false);
  const days = batch.notice?.days ?? 0;
  const withNotice = days > 0 || batch.noticeFrom !== null;
  const done = (key: 'notice' | 'approve' | 'cancel') => (next: BatchView) => {
    void message.success(t(`benefits.review.done.${key}`));
    onChanged(next);
  };
  const publish = useMutation({ mutationFn: () => publishBatchNotice(batch.id), onSuccess: done('notice') });
  const approve = useMutation({ mutationFn: () => approveBatch(batch.id), onSuccess: done('approve') });

  const isCounty = me.roles.includes('countyAdmin');
  const isCreator = batch.createdBy === me.id;
  const open = batch.stage === 'draft' || batch.stage === 'noticed' || batch.stage === 'approved';
  const stepTitles = withNotice
    ? (['run', 'notice', 'approve', 'export'] as const)
    : (['run', 'approve', 'export'] as const);

  return (
    <Card
      title={t('benefits.review.title')}
      extra={
        <Tag color={STAGE_COLOR[batch.stage]} data-testid="batch-stage" data-stage={batch.stage}>
          {t(`benefits.cycles.stage.${batch.stage}`)}
        </Tag>
      }
      data-testid="batch-review"
    >
      <Flex vertical gap={16}>
        {batch.stage !== 'cancelled' && (
          <Steps
            size="small"
            current={currentStep(batch, withNotice)}
            items={stepTitles.map((k) => ({ title: t(`benefits.review.steps.${k}`) }))}
          />
        )}
        {batch.stage === 'draft' && (
          <Alert
            type="info"
            showIcon
            title={t('benefits.review.draftHint')}
            description={
              days > 0
                ? t('benefits.review.noticeDays', {
                    days,
                    kind: t(`benefits.review.dayKind.${batch.notice?.dayKind ?? 'calendar'}`),
                  })
                : t('benefits.review.noticeNone')
            }
            data-testid="batch-draft-hint"
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'by', label: t('benefits.review.createdBy'), children: batch.createdByName ?? t('common.none') },
            ...(batch.noticeFrom && batch.noticeUntil
              ? [
                  {
                    key: 'notice',
                    label: t('benefits.review.noticePeriod'),
                    children: (
                      <span data-testid="batch-notice-range">
                        {t('benefits.review.noticeRange', { from: batch.noticeFrom, until: batch.noticeUntil })}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(batch.approvableFrom
              ? [{ key: 'from', label: t('benefits.review.approvableFrom'), children: batch.approvableFrom }]
              : []),
            ...(batch.approvedByName
              ? [
                  {
                    key: 'approved',
                    label: t('benefits.review.approvedBy'),
                    children: (
                      <span data-testid="batch-approved-by">
                        {batch.approvedByName}
                        {batch.approvedAt ? `（${formatDateTime(batch.approvedAt)}）` : ''}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(batch.stage === 'cancelled'
              ? [
                  { key: 'cb', label: t('benefits.review.cancelledBy'), children: batch.cancelledByName ?? '' },
                  {
                    key: 'cr',
                    label: t('benefits.review.cancelReason'),
                    children: <span data-testid="batch-cancel-reason-shown">{batch.cancelReason}</span>,
                  },
                ]
              : []),
          ]}
        />
        <ApiErrorAlert error={publish.error ?? approve.error} />
        <Space wrap>
          {batch.stage === 'draft' && days > 0 && mayRunPaymentCycles(me) && (
            <Popconfirm title={t('benefits.review.publishConfirm')} onConfirm={() => publish.mutate()}>
              <Button
                type="primary"
                icon={<NotificationOutlined />}
                loading={publish.isPending}
                data-testid="batch-publish-notice"
              >
                {t('benefits.review.publish')}
              </Button>
            </Popconfirm>
          )}
          {isCounty && (batch.stage === 'noticed' || (batch.stage === 'draft' && days === 0)) && (
            <Tooltip title={isCreator ? t('benefits.review.approveSelf') : undefined}>
              <Popconfirm
                title={t('benefits.review.approveConfirm')}
                onConfirm={() => approve.mutate()}
                disabled={isCreator}
              >
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={approve.isPending}
                  disabled={isCreator}
                  data-testid="batch-approve"
                >
                  {t('benefits.review.approve')}
                </Button>
              </Popconfirm>
            </Tooltip>
          )}
          {withNotice && batch.stage !== 'cancelled' && (
            <Link to={`/payment-cycles/${batch.id}/notice`} data-testid="batch-print-notice">
              <Button icon={<PrinterOutlined />}>{t('benefits.review.printNotice')}</Button>
            </Link>
          )}
          {open && mayRunPaymentCycles(me) && (
            <Button danger icon={<StopOutlined />} onClick={() => setCancelOpen(true)} data-testid="batch-cancel">
              {t('benefits.review.cancel')}
            </Button>
          )}
        </Space>
      </Flex>
      <CancelBatchModal
        batchId={batch.id}
        open={cancelOpen}
        onClose={() => setCancelOpen(false)}
        onCancelled={(next) => {
          setCancelOpen(false);
          done('cancel')(next);
        }}
      />
    </Card>
  );
}
