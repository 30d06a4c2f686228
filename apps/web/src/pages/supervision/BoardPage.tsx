import type { TaskBoardQuery, TaskBoardRow } from '@cradle/contract';
import { Card, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportBoard, fetchBoard } from '../../api/supervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { useLang } from '../../lib/useLang';

/** 督办看板: red/amber/green counts of key tasks by unit or by the plan's sections. */
export function BoardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [by, setBy] = useState<TaskBoardQuery['by']>('section');
  const q = useQuery({
    queryKey: ['fetchBoard', by],
    queryFn: ({ signal }) => fetchBoard({ by }, signal),
    placeholderData: keepPreviousData,
  });
  const count = (color: string) => (n: number) => (n > 0 ? <Tag color={color}>{n}</Tag> : <span>0</span>);
  const columns: TableColumnsType<TaskBoardRow> = [
    {
      title: by === 'unit' ? t('supervision.board.unit') : t('supervision.board.section'),
      render: (_: unknown, r) => (lang === 'en' ? r.label.en : r.label.zh),
    },
    { title: t('supervision.board.red'), dataIndex: 'red', width: 110, render: count('red') },
    { title: t('supervision.board.amber'), dataIndex: 'amber', width: 110, render: count('gold') },
    { title: t('supervision.board.green'), dataIndex: 'green', width: 110, render: count('green') },
    { title: t('supervision.board.done'), dataIndex: 'done', width: 110, render: count('blue') },
    { title: t('supervision.board.total'), dataIndex: 'total', width: 90 },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.board.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('supervision.board.basis')}</Typography.Text>
      <Card
        title={
          <Segmented<TaskBoardQuery['by']>
            value={by}
            onChange={setBy}
            options={[
              { value: 'section', label: t('supervision.board.bySection') },
              { value: 'unit', label: t('supervision.board.byUnit') },
            ]}
          />
        }
        extra={<ExportXlsxButton download={() => exportBoard({ by })} testId="kt-board-export" />}
      >
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={q.data?.rows}
          loading={q.isFetching}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          data-testid="kt-board"
        />
      </Card>
    </Flex>
  );
}
