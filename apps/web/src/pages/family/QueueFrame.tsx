import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueueCounts, type CountItem } from './QueueCounts';

type Props = {
  title: string;
  /** Beside the title: the queue's export. */
  extra?: ReactNode;
  hint: ReactNode;
  counts: CountItem[];
  filters: ReactNode;
  error: unknown;
  onRetry: () => void;
  /** Null when the user may not complete in bulk: no button. */
  bulkAction: { count: number; busy: boolean; onConfirm: () => void; hint: string; confirmDescription?: string } | null;
  bulkError: unknown;
  bulkResult: ReactNode;
  table: ReactNode;
};

/** A family queue page: title, hint, counts, filters and the bulk completion above the table. */
export function QueueFrame({
  title,
  extra,
  hint,
  counts,
  filters,
  error,
  onRetry,
  bulkAction,
  bulkError,
  bulkResult,
  table,
}: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      <ApiErrorAlert error={error} onRetry={onRetry} />
      <Card>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{hint}</Typography.Text>
          <QueueCounts items={counts} />
          {filters}
          {bulkAction && (
            <Flex align="center" gap={12}>
              <Popconfirm
                title={t('family.bulk.confirm', { count: bulkAction.count })}
                description={bulkAction.confirmDescription}
                okText={t('family.bulk.complete')}
                cancelText={t('common.cancel')}
                onConfirm={bulkAction.onConfirm}
                disabled={bulkAction.count === 0}
              >
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={bulkAction.count === 0}
                  loading={bulkAction.busy}
                  data-testid="bulk-complete"
                >
                  {t('family.bulk.completeCount', { count: bulkAction.count })}
                </Button>
              </Popconfirm>
              <Typography.Text type="secondary">{bulkAction.hint}</Typography.Text>
            </Flex>
          )}
        </Flex>
      </Card>
      <Card>
        <ApiErrorAlert error={bulkError} />
        {bulkResult}
        {table}
      </Card>
    </Flex>
  );
}
