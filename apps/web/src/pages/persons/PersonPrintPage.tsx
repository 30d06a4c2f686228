import type { HouseholdMember, PersonDetail, Relationship } from '@cradle/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { fetchPerson } from '../../api/registry';
import { PrintDocument, PrintFields, PrintTable, type PrintColumn } from '../../components/print/PrintDocument';
import { PrintLoading } from '../../components/print/PrintLoading';
import { idKindLabel, parityLabel, relationToHeadText, sexLabel } from './personColumns';

const KIND_ORDER: Record<Relationship['kind'], number> = { spouse: 0, father: 1, mother: 2, child: 3 };

function Household({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const h = person.household;
  if (!h) return <>{t('person.household.none')}</>;
  const columns: PrintColumn<HouseholdMember>[] = [
    {
      key: 'name',
      title: t('persons.columns.name'),
      render: (m) => (m.id === person.id ? t('print.person.self', { name: m.name }) : m.name),
    },
    {
      key: 'relation',
      title: t('person.relationToHead'),
      render: (m) => relationToHeadText(t, m.relationToHead) ?? none,
    },
    { key: 'sex', title: t('persons.columns.sex'), render: (m) => sexLabel(t, m.sex) },
    { key: 'age', title: t('persons.columns.age'), render: (m) => m.age },
    { key: 'parity', title: t('person.parity'), render: (m) => parityLabel(t, m.parity) ?? none },
    {
      key: 'id',
      title: t('persons.columns.idNumber'),
      render: (m) => <span className="mono">{m.idNumberMasked}</span>,
    },
  ];
  return (
    <>
      <PrintFields
        fields={[
          { key: 'no', label: t('person.household.householdNo'), value: <span className="mono">{h.householdNo}</span> },
          { key: 'region', label: t('person.household.region'), value: h.region.name },
          { key: 'address', label: t('person.household.address'), value: h.address ?? none },
        ]}
      />
      <PrintTable testId="print-household" columns={columns} rows={h.members} rowKey={(m) => m.id} />
    </>
  );
}

function Relationships({ relationships }: { relationships: readonly Relationship[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (relationships.length === 0) return <>{t('person.relationships.none')}</>;
  const sorted = [...relationships].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (b.person?.age ?? 0) - (a.person?.age ?? 0),
  );
  const columns: PrintColumn<Relationship>[] = [
    { key: 'kind', title: t('print.person.kind'), render: (r) => t(`person.relationships.kind.${r.kind}`) },
    {
      key: 'name',
      title: t('persons.columns.name'),
      render: (r) => r.person?.name ?? t('person.relationships.outside'),
    },
    { key: 'sex', title: t('persons.columns.sex'), render: (r) => (r.person ? sexLabel(t, r.person.sex) : none) },
    { key: 'age', title: t('persons.columns.age'), render: (r) => r.person?.age ?? none },
    {
      key: 'parity',
      title: t('person.parity'),
      render: (r) => (r.person && r.kind === 'child' ? (parityLabel(t, r.person.parity) ?? none) : none),
    },
    {
      key: 'id',
      title: t('persons.columns.idNumber'),
      render: (r) => (r.person ? <span className="mono">{r.person.idNumberMasked}</span> : none),
    },
  ];
  return <PrintTable testId="print-relationships" columns={columns} rows={sorted} rowKey={(_, i) => i} />;
}

/** 人员信息表: what the person's detail page shows (masked ID number), on paper. No reveal. */
export function PersonPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({
    queryKey: ['fetchPerson', id],
    queryFn: ({ signal }) => fetchPerson(id, signal),
    enabled: valid,
  });
  const p = loaded.data && loaded.data.id === id ? loaded.data : undefined;
  if (!p) return <PrintLoading error={valid ? loaded.error : new Error(t('person.notFound'))} />;

  const none = t('common.none');
  return (
    <PrintDocument
      testId="person-print"
      title={t('print.person.title')}
      meta={[
        { key: 'name', label: t('persons.columns.name'), value: p.name },
        { key: 'region', label: t('persons.columns.residenceRegion'), value: p.residenceRegion.name },
      ]}
      sections={[
        {
          key: 'basic',
          title: t('print.person.basic'),
          content: (
            <PrintFields
              fields={[
                { key: 'name', label: t('persons.columns.name'), value: p.name },
                { key: 'sex', label: t('persons.columns.sex'), value: sexLabel(t, p.sex) },
                { key: 'birthDate', label: t('persons.columns.birthDate'), value: p.birthDate },
                { key: 'age', label: t('persons.columns.age'), value: t('person.age', { count: p.age }) },
                {
                  key: 'idNumber',
                  label: t('persons.columns.idNumber'),
                  value: <span className="mono">{p.idNumberMasked}</span>,
                },
                { key: 'idKind', label: t('persons.columns.idKind'), value: idKindLabel(t, p.idKind) },
                { key: 'ethnicity', label: t('person.ethnicity'), value: p.ethnicity ?? none },
                { key: 'parity', label: t('person.parity'), value: parityLabel(t, p.parity) ?? none },
                { key: 'hukou', label: t('persons.columns.hukouRegion'), value: p.hukouRegion.name },
                { key: 'residence', label: t('persons.columns.residenceRegion'), value: p.residenceRegion.name },
                {
                  key: 'relationToHead',
                  label: t('person.relationToHead'),
                  value: relationToHeadText(t, p.relationToHead) ?? none,
                },
              ]}
            />
          ),
        },
        { key: 'household', title: t('person.household.title'), content: <Household person={p} /> },
        {
          key: 'relationships',
          title: t('person.relationships.title'),
          content: <Relationships relationships={p.relationships} />,
        },
      ]}
      signatures={[t('print.person.clerkSigns')]}
      stamp
    />
  );
}
