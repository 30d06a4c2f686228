import type { Page, PersonSummary } from '@cradle/contract';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MaskedId, idKindLabel, regionName, sexLabel } from './personColumns';

type Props = {
  page: Page<PersonSummary> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
};

export function PersonResultsTable({ page, loading, onPage }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const columns: TableColumnsType<PersonSummary> = [
    {
      title: t('persons.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    { title: t('persons.columns.sex'), dataIndex: 'sex', render: (sex: PersonSummary['sex']) => sexLabel(t, sex) },
    { title: t('persons.columns.age'), dataIndex: 'age', align: 'right' },
    {
      title: t('persons.columns.idNumber'),
      dataIndex: 'idNumberMasked',
      render: (v: string) => <MaskedId value={v} />,
    },
    {
      title: t('persons.columns.idKind'),
      dataIndex: 'idKind',
      render: (k: PersonSummary['idKind']) => idKindLabel(t, k),
    },
    { title: t('persons.columns.hukouRegion'), dataIndex: 'hukouRegion', render: regionName },
    { title: t('persons.columns.residenceRegion'), dataIndex: 'residenceRegion', render: regionName },
  ];

  return (
    <div data-testid="person-results">
      <Table<PersonSummary>
        className="clickable-rows"
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('persons.empty') }}
        onRow={(row) => ({ onClick: () => void navigate(`/persons/${row.id}`) })}
        pagination={{
          current: page?.page ?? 1,
          pageSize: page?.pageSize ?? 20,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: onPage,
        }}
      />
    </div>
  );
}
