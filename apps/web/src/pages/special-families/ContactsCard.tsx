import type { ContactInput } from '@cradle/contract';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addSpecialFamilyContact, endSpecialFamilyContact } from '../../api/specialFamilies';
import { useMe } from '../../lib/auth';
import { CONTACT_ROLES } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { type File, mayEdit, useFileRefresh } from './useFileRefresh';

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** The 双岗 / 3+X contacts: the township or the county adds one or lets one leave (a worker and a doctor remain). */
export function ContactsCard({ file: f }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useFileRefresh(f.id);
  const [form] = Form.useForm<ContactInput>();
  const editor = mayEdit(me.roles, f);
  const add = useMutation({
    mutationFn: (c: ContactInput) =>
      addSpecialFamilyContact(f.id, {
        role: c.role,
        name: c.name.trim(),
        organisation: blank(c.organisation),
        phone: blank(c.phone),
        username: blank(c.username),
      }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.contactAdded'));
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error({ content: errorText(e), className: 'special-family-error' }),
  });
  const end = useMutation({
    mutationFn: (contactId: number) => endSpecialFamilyContact(f.id, contactId, { note: null }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.contactEnded'));
      refresh();
    },
    onError: (e) => void message.error({ content: errorText(e), className: 'special-family-error' }),
  });
  const required = [{ required: true, message: t('specialFamilies.propose.required') }];
  return (
    <Card title={t('specialFamilies.detail.contacts')}>
      {editor && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ role: 'doctor' }}
          onFinish={(v) => add.mutate(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
          data-testid="sf-add-contact"
        >
          <Form.Item name="role" rules={required}>
            <Select
              style={{ width: 140 }}
              options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="name" rules={required}>
            <Input placeholder={t('specialFamilies.propose.contactName')} maxLength={50} />
          </Form.Item>
          <Form.Item name="organisation">
            <Input placeholder={t('specialFamilies.propose.contactOrganisation')} maxLength={100} />
          </Form.Item>
          <Form.Item name="phone">
            <Input placeholder={t('specialFamilies.propose.contactPhone')} maxLength={20} />
          </Form.Item>
          <Form.Item name="username">
            <Input placeholder={t('specialFamilies.propose.contactAccount')} maxLength={50} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('specialFamilies.detail.addContact')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={f.contacts}
        data-testid="sf-contacts"
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
          ...(editor
            ? [
                {
                  title: '',
                  key: 'end',
                  render: (_: unknown, c: File['contacts'][number]) => (
                    <Popconfirm
                      title={t('specialFamilies.detail.endContactConfirm')}
                      onConfirm={() => end.mutate(c.id)}
                    >
                      <Button size="small" danger data-testid="sf-end-contact">
                        {t('specialFamilies.detail.endContact')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
