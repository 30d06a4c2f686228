import type { TaskQueueQuery } from '@cradle/contract';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { bulkCompleteTasks, exportTaskQueue, fetchTaskQueue } from '../../api/familyBundle';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { bundleDepartmentOf, useMe } from '../../lib/auth';
import { pick } from '../../lib/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { mayCompleteInBulk } from './completionForm';
import { BUNDLE_SERVICES } from './familyDomain';
import { QueueFrame } from './QueueFrame';
import { paramsOf, taskQueryOf } from './queueParams';
import { TaskBulkResult } from './TaskBulkResult';
import { TaskFilters } from './TaskFilters';
import { TaskTable } from './TaskTable';
import { useBulkCompletion } from './useBulkCompletion';
import './family.css';

/** 出生一件事: the department's tasks in its jurisdiction; county administrators and leaders read every department's. */
export function BundleTasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const department = bundleDepartmentOf(me);
  const services = BUNDLE_SERVICES.filter((s) => department === null || s.department === department).map(
    (s) => s.service,
  );
  const [params, setParams] = useSearchParams();
  const query = taskQueryOf(params, services);
  const key = JSON.stringify(query);
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchTaskQueue', key],
    queryFn: ({ signal }) => fetchTaskQueue(query, signal),
    placeholderData: keepPreviousData,
  });
  const bulkServices = department === null ? [] : services.filter(mayCompleteInBulk);
  const bulk = useBulkCompletion({
    complete: bulkCompleteTasks,
    doneOf: (result) => result.results.filter((r) => r.outcome === 'done').length,
    numbersOf: () => new Map((data?.items ?? []).map((r) => [r.id, `${r.bundleNo} ${pick(r.label, lang)}`])),
    reload: () => void reload(),
  });

  const change = (next: Partial<TaskQueueQuery>) => {
    bulk.setSelected([]);
    setParams(paramsOf({ ...query, page: 1, ...next }));
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
        {
          key: 'overdue',
          label: t('family.deadline.overdue'),
          value: data.overdue,
          tone: 'danger' as const,
          active: query.deadline === 'overdue',
          onClick: () => change({ status: undefined, deadline: 'overdue' }),
        },
      ]
    : [];
  const hint = department
    ? t('family.tasks.hint', { department: t(`departments.${department}`), region: me.jurisdiction.name })
    : t('family.tasks.hintReader', { region: me.jurisdiction.name });
  const canAct = bulkServices.length > 0;

  return (
    <QueueFrame
      title={t('family.tasks.title')}
      extra={<ExportXlsxButton download={() => exportTaskQueue(query)} testId="tasks-export" />}
      hint={hint}
      counts={counts}
      filters={<TaskFilters query={query} services={services} onChange={change} />}
      error={error}
      onRetry={() => void reload()}
      bulkAction={
        canAct
          ? {
              count: bulk.selected.length,
              busy: bulk.busy,
              onConfirm: () => bulk.completeSelected(),
              hint: t('family.tasks.bulkHint'),
            }
          : null
      }
      bulkError={bulk.bulkError}
      bulkResult={bulk.bulk && <TaskBulkResult result={bulk.bulk} numberOf={bulk.numberOf} onClose={bulk.closeBulk} />}
      table={
        <TaskTable
          data={data}
          loading={loading}
          selected={canAct ? bulk.selected : null}
          onSelect={bulk.setSelected}
          onPage={(page) => setParams(paramsOf({ ...query, page }))}
        />
      }
    />
  );
}
