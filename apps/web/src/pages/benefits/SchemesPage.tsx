import type { SchemeSummary } from '@cradle/contract';
import { Card, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fetchSchemes } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { FrequencyTag, InterpretationTag, LegalBasisText, ProactiveTag, schemeName } from './schemeLabels';
import { useRegionNames } from './useRegionNames';

export function SchemesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchSchemes'],
    queryFn: ({ signal }) => fetchSchemes(signal),
    placeholderData: keepPreviousData,
  });
  const regionName = useRegionNames((data ?? []).map((s) => s.regionCode));

  const columns: TableColumnsType<SchemeSummary> = [
    {
      title: t('benefits.schemes.name'),
      key: 'name',
      render: (_, s) => (
        // The name only: the code (yunnan.birthGrant) is the command line's, not the reader's.
        <Link to={`/schemes/${encodeURIComponent(s.code)}`}>{schemeName(s.name, lang)}</Link>
      ),
    },
    {
      title: t('benefits.schemes.region'),
      dataIndex: 'regionCode',
      render: (code: string) => (code === '' ? t('benefits.national') : regionName(code)),
    },
    {
      title: t('benefits.schemes.frequency'),
      dataIndex: 'frequency',
      render: (f: SchemeSummary['frequency']) => <FrequencyTag frequency={f} />,
    },
    {
      title: t('benefits.schemes.proactive'),
      dataIndex: 'proactive',
      render: (p: boolean) => <ProactiveTag proactive={p} />,
    },
    {
      title: t('benefits.schemes.legalBasis'),
      key: 'legalBasis',
      render: (_, s) => (
        <Space wrap size={4}>
          <LegalBasisText basis={s.legalBasis} />
          {s.interpretations.length > 0 && <InterpretationTag />}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('benefits.schemes.title')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <Table<SchemeSummary>
          className="clickable-rows"
          rowKey="code"
          columns={columns}
          dataSource={data}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('benefits.schemes.empty') }}
          onRow={(s) => ({
            onClick: (e) =>
              !(e.target as HTMLElement).closest('a') && void navigate(`/schemes/${encodeURIComponent(s.code)}`),
          })}
          data-testid="schemes-table"
        />
      </Card>
    </Flex>
  );
}
