import type { ChainCheck } from '@cradle/contract';
import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAudit } from '../../api/audit';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAsync } from '../../lib/useAsync';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyResult } from './VerifyChain';

const DEFAULT_PAGE_SIZE = 20;

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [verification, setVerification] = useState<ChainCheck | null>(null);
  const { data, error, loading, reload } = useAsync(
    (signal) => fetchAudit({ ...filter, ...paging }, signal),
    [filter.action, filter.username, filter.from, filter.to, paging.page, paging.pageSize],
  );

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
