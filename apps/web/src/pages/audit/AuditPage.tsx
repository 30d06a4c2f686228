import type { ChainCheck } from '@cradle/contract';
import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAudit } from '../../api/audit';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyResult } from './VerifyChain';

const DEFAULT_PAGE_SIZE = 20;

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [verification, setVerification] = useState<ChainCheck | null>(null);
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchAudit', filter.action, filter.username, filter.from, filter.to, paging.page, paging.pageSize],
    queryFn: ({ signal }) => fetchAudit({ ...filter, ...paging }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <VerifyChainButton onResult={setVerification} />
      </Flex>
      {verification && <VerifyResult result={verification} onClose={() => setVerification(null)} />}
      <AuditFilters
        onChange={(next) => {
          setFilter(next);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <AuditTable
          data={data}
          loading={loading}
          page={paging.page}
          pageSize={paging.pageSize}
          onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
        />
      </Card>
    </Flex>
  );
}
