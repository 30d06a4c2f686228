import type { RegistrationQueueQuery } from '@cradle/contract';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  bulkCompleteRegistrations,
  exportRegistrationQueue,
  fetchRegistrationQueue,
} from '../../api/familyRegistrations';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { mayHandleChildbirthRegistrations, useMe } from '../../lib/auth';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CHILDBIRTH_REGISTRATION_WORKING_DAYS } from './familyDomain';
import { QueueFrame } from './QueueFrame';
import { paramsOf, registrationQueryOf } from './queueParams';
import { RegistrationBulkResult } from './RegistrationBulkResult';
import { RegistrationFilters } from './RegistrationFilters';
import { RegistrationTable } from './RegistrationTable';
import { useBulkCompletion } from './useBulkCompletion';
import './family.css';

/** 生育登记: the township's registrations, each to be completed within 3 working days; no approval step. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const query = registrationQueryOf(params);
  const key = JSON.stringify(query);
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchRegistrationQueue', key],
    queryFn: ({ signal }) => fetchRegistrationQueue(query, signal),
    placeholderData: keepPreviousData,
  });
  const canAct = mayHandleChildbirthRegistrations(me);
  const bulk = useBulkCompletion({
    complete: bulkCompleteRegistrations,
    doneOf: (result) => result.completed.length,
    numbersOf: () => new Map((data?.items ?? []).map((r) => [r.id, r.registrationNo])),
    reload: () => void reload(),
  });

  const change = (next: Partial<RegistrationQueueQuery>) => {
    bulk.setSelected([]);
    setParams(paramsOf({ ...query, page: 1, ...next }));
  };

  const c = data?.counts;
  const counts = c
    ? [
        {
          key: 'submitted',
          label: t('family.registrations.status.submitted'),
          value: c.submitted,
          active: query.status === 'submitted' && !query.deadline,
          onClick: () => change({ status: 'submitted', deadline: undefined }),
        },
        {
          key: 'dueToday',
          label: t('family.deadline.dueToday'),
          value: c.dueToday,
          tone: 'warning' as const,
          active: query.deadline === 'dueToday',
          onClick: () => change({ status: undefined, deadline: 'dueToday' }),
        },
        {
          key: 'overdue',
          label: t('family.deadline.overdue'),
          value: c.overdue,
          tone: 'danger' as const,
          active: query.deadline === 'overdue',
          onClick: () => change({ status: undefined, deadline: 'overdue' }),
        },
        {
          key: 'infoRequested',
          label: t('family.registrations.status.infoRequested'),
          value: c.infoRequested,
          active: query.status === 'infoRequested',
          onClick: () => change({ status: 'infoRequested', deadline: undefined }),
        },
        {
          key: 'completed',
          label: t('family.registrations.status.completed'),
          value: c.completed,
          active: query.status === 'completed',
          onClick: () => change({ status: 'completed', deadline: undefined }),
        },
      ]
    : [];

  return (
    <QueueFrame
      title={t('family.registrations.title')}
      extra={<ExportXlsxButton download={() => exportRegistrationQueue(query)} testId="registrations-export" />}
      hint={t(canAct ? 'family.registrations.hint' : 'family.registrations.hintReader', {
        region: me.jurisdiction.name,
        days: CHILDBIRTH_REGISTRATION_WORKING_DAYS,
      })}
      counts={counts}
      filters={<RegistrationFilters query={query} onChange={change} />}
      error={error}
      onRetry={() => void reload()}
      bulkAction={
        canAct
          ? {
              count: bulk.selected.length,
              busy: bulk.busy,
              onConfirm: () => bulk.completeSelected(),
              hint: t('family.registrations.bulkHint'),
              confirmDescription: t('family.registrations.bulkHint'),
            }
          : null
      }
      bulkError={bulk.bulkError}
      bulkResult={
        bulk.bulk && <RegistrationBulkResult result={bulk.bulk} numberOf={bulk.numberOf} onClose={bulk.closeBulk} />
      }
      table={
        <RegistrationTable
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
