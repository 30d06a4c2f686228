import type { SpecialFamilyProposal } from '@cradle/contract';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { proposeSpecialFamily } from '../../api/specialFamilies';
import { CONTACT_ROLES, SPECIAL_FAMILY_KINDS, SPECIAL_FAMILY_NEEDS } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';

type Contact = SpecialFamilyProposal['contacts'][number];
type Values = Omit<SpecialFamilyProposal, 'eventDate'> & { eventDate: Dayjs };
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** 建档: the only child's ID number, the event, needs and the 双岗 contacts; the county confirms. */
export function ProposeForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) as Values['kind'] | undefined) ?? 'bereaved';
  const save = useMutation({
    mutationFn: (v: Values) =>
      proposeSpecialFamily({
        childIdNumber: v.childIdNumber.trim(),
        kind: v.kind,
        eventDate: v.eventDate.format('YYYY-MM-DD'),
        disabilityGrade: v.kind === 'disabledChild' ? (v.disabilityGrade ?? null) : null,
        needs: v.needs ?? [],
        contacts: v.contacts.map((c: Contact) => ({
          role: c.role,
          name: c.name.trim(),
          organisation: blank(c.organisation),
          phone: blank(c.phone),
          username: blank(c.username),
        })),
      }),
    onSuccess: (f) => {
      void message.success(t('specialFamilies.propose.done', { id: f.id }));
      void navigate(`/special-families/${f.id}`);
    },
    onError: (e) => void message.error({ content: errorText(e), className: 'special-family-error' }),
  });
  const required = [{ required: true, message: t('specialFamilies.propose.required') }];
  return (
    <Card title={t('specialFamilies.propose.title')}>
      <Typography.Paragraph type="secondary">{t('specialFamilies.propose.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{
          kind: 'bereaved',
          contacts: [
            { role: 'worker', name: '' },
            { role: 'doctor', name: '' },
          ],
        }}
        onFinish={(v) => save.mutate(v)}
        data-testid="special-family-form"
      >
        <Form.Item name="childIdNumber" label={t('specialFamilies.fields.childIdNumber')} rules={required}>
          <Input maxLength={18} autoComplete="off" data-testid="sf-child-id" />
        </Form.Item>
        <Form.Item name="kind" label={t('specialFamilies.fields.kind')} rules={required}>
          <Select options={SPECIAL_FAMILY_KINDS.map((k) => ({ value: k, label: t(`specialFamilyKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="eventDate"
          label={t(
            kind === 'bereaved' ? 'specialFamilies.fields.childDeathDate' : 'specialFamilies.fields.disabilityDate',
          )}
          rules={required}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="sf-date" />
        </Form.Item>
        {kind === 'disabledChild' && (
          <Form.Item name="disabilityGrade" label={t('specialFamilies.fields.disabilityGrade')} rules={required}>
            <Select
              options={[1, 2, 3, 4].map((g) => ({
                value: g,
                label: t(`specialFamilies.grades.${String(g) as '1' | '2' | '3' | '4'}`),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="needs" label={t('specialFamilies.fields.needs')}>
          <Select
            mode="multiple"
            options={SPECIAL_FAMILY_NEEDS.map((n) => ({ value: n, label: t(`specialFamilyNeeds.${n}`) }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('specialFamilies.propose.contacts')}</Typography.Title>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'role']} rules={required} style={{ width: 150 }}>
                    <Select options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={required}>
                    <Input
                      placeholder={t('specialFamilies.propose.contactName')}
                      maxLength={50}
                      data-testid={`sf-contact-name-${field.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'organisation']}>
                    <Input placeholder={t('specialFamilies.propose.contactOrganisation')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']}>
                    <Input placeholder={t('specialFamilies.propose.contactPhone')} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'username']}>
                    <Input placeholder={t('specialFamilies.propose.contactAccount')} maxLength={50} />
                  </Form.Item>
                  {fields.length > 2 && (
                    <Button onClick={() => remove(field.name)}>{t('specialFamilies.propose.remove')}</Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({ role: 'other', name: '' })} style={{ alignSelf: 'flex-start' }}>
                {t('specialFamilies.propose.addContact')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          style={{ marginTop: 16 }}
          data-testid="sf-submit"
        >
          {t('specialFamilies.propose.submit')}
        </Button>
      </Form>
    </Card>
  );
}
