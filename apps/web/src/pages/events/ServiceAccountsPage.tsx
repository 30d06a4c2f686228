import type { ServiceAccountBody, ServiceAccountToken, ServiceAccountView } from '@cradle/contract';
import { CopyOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createServiceAccount,
  fetchServiceAccounts,
  revokeServiceAccount,
  rotateServiceAccount,
} from '../../api/lifeEvents';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { kindsOfDepartment, type Department } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const DEPARTMENTS = ['hospital', 'publicSecurity'] as const;

/** 服务账号 (issue 13): a department system's token for the life-event API, shown once. */
export function ServiceAccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [shown, setShown] = useState<ServiceAccountToken | null>(null);
  const [form] = Form.useForm<ServiceAccountBody>();
  // Undefined until the form has mounted.
  const department = Form.useWatch('department', form) as string | undefined;
  const q = useQuery({ queryKey: ['fetchServiceAccounts'], queryFn: ({ signal }) => fetchServiceAccounts(signal) });
  const done = (r: ServiceAccountToken) => {
    setShown(r);
    void q.refetch();
  };
  const onError = (e: unknown) => void message.error(errorText(e));
  const create = useMutation({
    mutationFn: createServiceAccount,
    onSuccess: (r) => {
      form.resetFields();
      done(r);
    },
    onError,
  });
  const rotate = useMutation({ mutationFn: rotateServiceAccount, onSuccess: done, onError });
  const revoke = useMutation({ mutationFn: revokeServiceAccount, onSuccess: () => void q.refetch(), onError });

  const columns: TableColumnsType<ServiceAccountView> = [
    { title: t('serviceAccounts.name'), dataIndex: 'name' },
    {
      title: t('serviceAccounts.department'),
      dataIndex: 'department',
      render: (d: string) => t(`departments.${d as Department}`),
    },
    { title: t('serviceAccounts.jurisdiction'), dataIndex: 'jurisdictionName' },
    {
      title: t('serviceAccounts.kinds'),
      dataIndex: 'eventKinds',
      render: (ks: ServiceAccountView['eventKinds']) =>
        ks.map((k) => t(`lifeEventKinds.${k}`)).join(t('common.listSeparator')),
    },
    {
      title: t('serviceAccounts.prefix'),
      dataIndex: 'tokenPrefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    {
      title: t('serviceAccounts.created'),
      render: (_, a) => `${formatDateTime(a.createdAt) ?? ''} ${a.createdByName}`,
    },
    {
      title: t('serviceAccounts.rotated'),
      dataIndex: 'rotatedAt',
      render: (v: string | null) => formatDateTime(v) ?? t('common.none'),
    },
    {
      title: t('serviceAccounts.lastUsed'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => formatDateTime(v) ?? t('common.none'),
    },
    {
      title: t('serviceAccounts.actions'),
      render: (_, a) =>
        a.revokedAt ? (
          <Tag>{t('serviceAccounts.revoked')}</Tag>
        ) : (
          <Flex gap={8}>
            <Popconfirm title={t('serviceAccounts.rotateConfirm')} onConfirm={() => rotate.mutate(a.id)}>
              <Button size="small" data-testid={`rotate-${a.id}`}>
                {t('serviceAccounts.rotate')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('serviceAccounts.revokeConfirm')}
              okButtonProps={{ danger: true }}
              onConfirm={() => revoke.mutate(a.id)}
            >
              <Button size="small" danger data-testid={`revoke-${a.id}`}>
                {t('serviceAccounts.revoke')}
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('serviceAccounts.title')}
      </Typography.Title>
      <Card title={t('serviceAccounts.create')}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ department: 'hospital', eventKinds: ['death'], jurisdictionCode: me.jurisdiction.code }}
          onFinish={(v) => create.mutate(v)}
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="name"
            label={t('serviceAccounts.name')}
            rules={[{ required: true, message: t('events.form.required') }]}
          >
            <Input maxLength={100} style={{ width: 200 }} data-testid="sa-name" />
          </Form.Item>
          <Form.Item name="department" label={t('serviceAccounts.department')}>
            <Select
              style={{ width: 160 }}
              options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
              onChange={(d: string) => form.setFieldValue('eventKinds', [...kindsOfDepartment(d)])}
            />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('serviceAccounts.jurisdictionCode')}>
            <Input maxLength={12} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="eventKinds" label={t('serviceAccounts.kinds')}>
            <Select
              mode="multiple"
              style={{ minWidth: 220 }}
              options={kindsOfDepartment(department ?? 'hospital').map((k) => ({
                value: k,
                label: t(`lifeEventKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="sa-create">
            {t('serviceAccounts.createButton')}
          </Button>
        </Form>
      </Card>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Card>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={q.data}
          loading={q.isFetching}
          pagination={false}
          scroll={{ x: 1100 }}
        />
      </Card>
      <Modal
        open={shown !== null}
        title={t('serviceAccounts.tokenTitle', { name: shown?.account.name ?? '' })}
        onCancel={() => setShown(null)}
        footer={<Button onClick={() => setShown(null)}>{t('common.close')}</Button>}
      >
        <Alert type="warning" showIcon title={t('serviceAccounts.tokenWarning')} style={{ marginBottom: 12 }} />
        <Flex gap={8} align="center">
          <Typography.Text code data-testid="sa-token" style={{ wordBreak: 'break-all' }}>
            {shown?.token}
          </Typography.Text>
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void navigator.clipboard
                .writeText(shown?.token ?? '')
                .then(() => message.success(t('serviceAccounts.copied')))
            }
          >
            {t('serviceAccounts.copy')}
          </Button>
        </Flex>
      </Modal>
    </Flex>
  );
}
