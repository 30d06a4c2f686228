import type { ChainCheck } from '@cradle/contract';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadAuditXlsx, fetchAudit } from '../../api/audit';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyResult } from './VerifyChain';

const DEFAULT_PAGE_SIZE = 20;

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [verification, setVerification] = useState<ChainCheck | null>(null);
  // The XLSX lists what the table shows: the same filters, every page.
  const download = useMutation({ mutationFn: () => downloadAuditXlsx(filter) });
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchAudit', filter, paging.page, paging.pageSize],
    queryFn: ({ signal }) => fetchAudit({ ...filter, ...paging }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate()}
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
          <VerifyChainButton onResult={setVerification} />
        </Space>
      </Flex>
      {verification && <VerifyResult result={verification} onClose={() => setVerification(null)} />}
      <AuditFilters
        onChange={(next) => {
          setFilter(next);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <ApiErrorAlert error={error ?? download.error} onRetry={reload} />
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
