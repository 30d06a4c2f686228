import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { File } from './useFileRefresh';

/** The 双岗 / 3+X contacts: names, organisation, masked phone, whether they have an account. */
export function ContactsCard({ file: f }: { file: File }) {
  const { t } = useTranslation();
  return (
    <Card title={t('specialFamilies.detail.contacts')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={f.contacts}
        columns={[
          { title: t('specialFamilies.propose.contactName'), dataIndex: 'name' },
          {
            title: t('specialFamilies.fields.kind'),
            dataIndex: 'role',
            render: (r: File['contacts'][number]['role']) => t(`contactRoles.${r}`),
          },
          {
            title: t('specialFamilies.propose.contactOrganisation'),
            dataIndex: 'organisation',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('specialFamilies.propose.contactPhone'),
            dataIndex: 'phoneMasked',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('specialFamilies.propose.contactAccount'),
            dataIndex: 'hasAccount',
            render: (v: boolean) => t(v ? 'specialFamilies.hasAccount' : 'specialFamilies.noAccount'),
          },
        ]}
      />
    </Card>
  );
}
