import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { bulkCompleteTasks, fetchTaskQueue } from '../../api/familyBundle';
import type { TaskBulkResult as BulkResult, TaskQuery } from '../../api/familyTypes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { bundleDepartmentOf, useMe } from '../../lib/auth';
import { pick } from '../../lib/domain';
import { useAsync } from '../../lib/useAsync';
import { useLang } from '../../lib/useLang';
import { mayCompleteInBulk } from './completionForm';
import { BUNDLE_SERVICES } from './familyDomain';
import { QueueCounts } from './QueueCounts';
import { paramsOf, taskQueryOf } from './queueParams';
import { TaskBulkResult } from './TaskBulkResult';
import { TaskFilters } from './TaskFilters';
import { TaskTable } from './TaskTable';
import './family.css';

/** 出生一件事: the department's tasks in its jurisdiction; county administrators and leaders read every department's. */
export function BundleTasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const department = bundleDepartmentOf(me);
  const services = BUNDLE_SERVICES.filter((s) => department === null || s.department === department).map((s) => s.service);
  const [params, setParams] = useSearchParams();
  const query = taskQueryOf(params, services);
  const key = JSON.stringify(query);
  const { data, error, loading, reload } = useAsync((signal) => fetchTaskQueue(query, signal), [key]);
  const bulkServices = department === null ? [] : services.filter(mayCompleteInBulk);
  const [selected, setSelected] = useState<Key[]>([]);
  const [bulk, setBulk] = useState<{ result: BulkResult; numbers: Map<number, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [bulkError, setBulkError] = useState<unknown>(null);

  const change = (next: Partial<TaskQuery>) => {
    setSelected([]);
    setParams(paramsOf({ ...query, page: 1, ...next }));
  };

  const completeSelected = async () => {
    const numbers = new Map((data?.items ?? []).map((r) => [r.id, `${r.bundleNo} ${pick(r.label, lang)}`]));
    setBusy(true);
    setBulkError(null);
    try {
      const result = await bulkCompleteTasks(selected.map(Number));
      setBulk({ result, numbers });
      const done = result.results.filter((r) => r.outcome === 'done').length;
      if (done > 0) void message.success(t('family.bulk.done', { count: done }));
      setSelected([]);
      reload();
    } catch (e) {
      setBulkError(e);
    } finally {
      setBusy(false);
    }
  };

  const c = data?.counts;
  const counts = c
    ? [
        ...(['pending', 'returned', 'waiting', 'done'] as const).map((s) => ({
          key: s,
          label: t(`family.tasks.status.${s}`),
          value: c[s],
          active: query.status === s && !query.deadline,
          onClick: () => change({ status: s, deadline: undefined }),
        })),
        { key: 'overdue', label: t('family.deadline.overdue'), value: data.overdue, tone: 'danger' as const, active: query.deadline === 'overdue', onClick: () => change({ status: undefined, deadline: 'overdue' }) },
      ]
    : [];
  const hint = department
    ? t('family.tasks.hint', { department: t(`departments.${department}`), region: me.jurisdiction.name })
    : t('family.tasks.hintReader', { region: me.jurisdiction.name });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('family.tasks.title')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{hint}</Typography.Text>
          <QueueCounts items={counts} />
          <TaskFilters query={query} services={services} onChange={change} />
          {bulkServices.length > 0 && (
            <Flex align="center" gap={12}>
              <Popconfirm
                title={t('family.bulk.confirm', { count: selected.length })}
                okText={t('family.bulk.complete')}
                cancelText={t('common.cancel')}
                onConfirm={() => completeSelected()}
                disabled={selected.length === 0}
              >
                <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={busy} data-testid="bulk-complete">
                  {t('family.bulk.completeCount', { count: selected.length })}
                </Button>
              </Popconfirm>
              <Typography.Text type="secondary">{t('family.tasks.bulkHint')}</Typography.Text>
            </Flex>
          )}
        </Flex>
      </Card>
      <Card>
        <ApiErrorAlert error={bulkError} />
        {bulk && <TaskBulkResult result={bulk.result} numberOf={(id) => bulk.numbers.get(id) ?? `#${id}`} onClose={() => setBulk(null)} />}
        <TaskTable data={data} loading={loading} selected={bulkServices.length > 0 ? selected : null} onSelect={setSelected} onPage={(page) => setParams(paramsOf({ ...query, page }))} />
      </Card>
    </Flex>
  );
}
