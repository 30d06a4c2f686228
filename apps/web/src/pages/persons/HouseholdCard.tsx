import type { Household, HouseholdMember } from '@cradle/contract';
import { HomeOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MaskedId, parityLabel, relationToHeadText, sexLabel } from './personColumns';

type Props = { household: Household | null; selfId: number };

export function HouseholdCard({ household, selfId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const none = t('common.none');

  if (!household) {
    return (
      <Card
        title={
          <>
            <HomeOutlined /> {t('person.household.title')}
          </>
        }
        data-testid="household-card"
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.household.none')} />
      </Card>
    );
  }

  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: t('persons.columns.name'),
      dataIndex: 'name',
      render: (name: string, m) =>
        m.id === selfId ? (
          <span>
            {name} <Tag>{t('person.household.self')}</Tag>
          </span>
        ) : (
          <Typography.Link>{name}</Typography.Link>
        ),
    },
    {
      title: t('person.relationToHead'),
      dataIndex: 'relationToHead',
      render: (v: string | null) => relationToHeadText(t, v) ?? none,
    },
    { title: t('persons.columns.sex'), dataIndex: 'sex', render: (s: HouseholdMember['sex']) => sexLabel(t, s) },
    { title: t('persons.columns.age'), dataIndex: 'age', align: 'right' },
    { title: t('person.parity'), dataIndex: 'parity', render: (p: number | null) => parityLabel(t, p) ?? none },
    {
      title: t('persons.columns.idNumber'),
      dataIndex: 'idNumberMasked',
      render: (v: string) => <MaskedId value={v} />,
    },
  ];

  return (
    <Card
      title={
        <>
          <HomeOutlined /> {t('person.household.title')}
        </>
      }
      data-testid="household-card"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'no',
            label: t('person.household.householdNo'),
            children: <span className="mono">{household.householdNo}</span>,
          },
          { key: 'address', label: t('person.household.address'), children: household.address ?? none },
          { key: 'region', label: t('person.household.region'), children: household.region.name },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Typography.Text strong>{t('person.household.members')}</Typography.Text>
      <Table<HouseholdMember>
        className="clickable-rows"
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={household.members}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
        onRow={(m) => ({ onClick: () => m.id !== selfId && void navigate(`/persons/${m.id}`) })}
      />
    </Card>
  );
}
