import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { File } from './useFileRefresh';

/** Every version of the file's status, each in force from the first of the month after the decision. */
export function HistoryCard({ file: f }: { file: File }) {
  const { t } = useTranslation();
  return (
    <Card title={t('specialFamilies.detail.history')}>
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={f.history}
        columns={[
          {
            title: t('specialFamilies.fields.status'),
            dataIndex: 'status',
            render: (s: File['status']) => t(`specialFamilyStatuses.${s}`),
          },
          {
            title: t('specialFamilies.detail.inForceFrom'),
            dataIndex: 'effectiveFrom',
          },
          { title: t('specialFamilies.detail.recordedBy'), dataIndex: 'changedByName' },
          {
            title: t('specialFamilies.fields.proposedAt'),
            dataIndex: 'changedAt',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('specialFamilies.detail.note'),
            dataIndex: 'note',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
    </Card>
  );
}
