import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { bulkCompleteRegistrations, fetchRegistrationQueue } from '../../api/familyRegistrations';
import type { RegistrationBulkResult as BulkResult, RegistrationQuery } from '../../api/familyTypes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { mayHandleChildbirthRegistrations, useMe } from '../../lib/auth';
import { useAsync } from '../../lib/useAsync';
import { CHILDBIRTH_REGISTRATION_WORKING_DAYS } from './familyDomain';
import { QueueCounts } from './QueueCounts';
import { paramsOf, registrationQueryOf } from './queueParams';
import { RegistrationBulkResult } from './RegistrationBulkResult';
import { RegistrationFilters } from './RegistrationFilters';
import { RegistrationTable } from './RegistrationTable';
import './family.css';

/** 生育登记: the township's registrations, each to be completed within 3 working days; no approval step. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = registrationQueryOf(params);
  const key = JSON.stringify(query);
  const { data, error, loading, reload } = useAsync((signal) => fetchRegistrationQueue(query, signal), [key]);
  const canAct = mayHandleChildbirthRegistrations(me);
  const [selected, setSelected] = useState<Key[]>([]);
  const [bulk, setBulk] = useState<{ result: BulkResult; numbers: Map<number, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [bulkError, setBulkError] = useState<unknown>(null);

  const change = (next: Partial<RegistrationQuery>) => {
    setSelected([]);
    setParams(paramsOf({ ...query, page: 1, ...next }));
  };

  const completeSelected = async () => {
    const ids = selected.map(Number);
    // Numbers as the rows showed them, for the result: the completed ones leave the filtered page.
    const numbers = new Map((data?.items ?? []).map((r) => [r.id, r.registrationNo]));
    setBusy(true);
    setBulkError(null);
    try {
      const result = await bulkCompleteRegistrations(ids);
      setBulk({ result, numbers });
      if (result.completed.length > 0) void message.success(t('family.bulk.done', { count: result.completed.length }));
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
        { key: 'submitted', label: t('family.registrations.status.submitted'), value: c.submitted, active: query.status === 'submitted' && !query.deadline, onClick: () => change({ status: 'submitted', deadline: undefined }) },
        { key: 'dueToday', label: t('family.deadline.dueToday'), value: c.dueToday, tone: 'warning' as const, active: query.deadline === 'dueToday', onClick: () => change({ status: undefined, deadline: 'dueToday' }) },
        { key: 'overdue', label: t('family.deadline.overdue'), value: c.overdue, tone: 'danger' as const, active: query.deadline === 'overdue', onClick: () => change({ status: undefined, deadline: 'overdue' }) },
        { key: 'infoRequested', label: t('family.registrations.status.infoRequested'), value: c.infoRequested, active: query.status === 'infoRequested', onClick: () => change({ status: 'infoRequested', deadline: undefined }) },
        { key: 'completed', label: t('family.registrations.status.completed'), value: c.completed, active: query.status === 'completed', onClick: () => change({ status: 'completed', deadline: undefined }) },
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('family.registrations.title')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {t(canAct ? 'family.registrations.hint' : 'family.registrations.hintReader', { region: me.jurisdiction.name, days: CHILDBIRTH_REGISTRATION_WORKING_DAYS })}
          </Typography.Text>
          <QueueCounts items={counts} />
          <RegistrationFilters query={query} onChange={change} />
          {canAct && (
            <Flex align="center" gap={12}>
              <Popconfirm
                title={t('family.bulk.confirm', { count: selected.length })}
                description={t('family.registrations.bulkHint')}
                okText={t('family.bulk.complete')}
                cancelText={t('common.cancel')}
                onConfirm={() => completeSelected()}
                disabled={selected.length === 0}
              >
                <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={busy} data-testid="bulk-complete">
                  {t('family.bulk.completeCount', { count: selected.length })}
                </Button>
              </Popconfirm>
              <Typography.Text type="secondary">{t('family.registrations.bulkHint')}</Typography.Text>
            </Flex>
          )}
        </Flex>
      </Card>
      <Card>
        <ApiErrorAlert error={bulkError} />
        {bulk && <RegistrationBulkResult result={bulk.result} numberOf={(id) => bulk.numbers.get(id) ?? `#${id}`} onClose={() => setBulk(null)} />}
        <RegistrationTable data={data} loading={loading} selected={canAct ? selected : null} onSelect={setSelected} onPage={(page) => setParams(paramsOf({ ...query, page }))} />
      </Card>
    </Flex>
  );
}
