import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router-dom';
import { exportPersons, searchPersons } from '../../api/registry';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PersonResultsTable } from './PersonResultsTable';
import { PersonSearchForm, type PersonCriteria } from './PersonSearchForm';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Name, region and page live in the URL so Back returns to the same results. The ID number
 * goes in history state instead: a full ID number must not end up in the address bar.
 */
export function PersonSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const idNumber = (location.state as { idNumber?: string } | null)?.idNumber;
  const criteria: PersonCriteria = {
    name: params.get('name') ?? undefined,
    region: params.get('region') ?? undefined,
    idNumber,
  };
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const results = useQuery({
    queryKey: ['searchPersons', criteria.name, criteria.region, idNumber, page, pageSize],
    queryFn: ({ signal }) => searchPersons({ ...criteria, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  function go(next: PersonCriteria, nextPage: number, nextPageSize: number) {
    const search: Record<string, string> = {};
    if (next.name) search.name = next.name;
    if (next.region) search.region = next.region;
    if (nextPage !== 1) search.page = String(nextPage);
    if (nextPageSize !== DEFAULT_PAGE_SIZE) search.pageSize = String(nextPageSize);
    setParams(search, { state: next.idNumber ? { idNumber: next.idNumber } : null });
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('persons.title')}
        </Typography.Title>
        {/* The results' filters (ID number included, sent as the list sends it), not the page: every match. */}
        <ExportXlsxButton download={() => exportPersons(criteria)} testId="persons-export" />
      </Flex>
      <PersonSearchForm initial={criteria} onSearch={(c) => go(c, 1, pageSize)} />
      <ApiErrorAlert error={results.error} onRetry={results.refetch} />
      <Card>
        <PersonResultsTable
          page={results.data}
          loading={results.isFetching}
          onPage={(p, size) => go(criteria, size === pageSize ? p : 1, size)}
        />
      </Card>
    </Flex>
  );
}
