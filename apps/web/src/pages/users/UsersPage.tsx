import type { StaffUser } from '@cradle/contract';
import { TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { fetchUsers, unlockUser } from '../../api/users';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { ResetModal, type ResetKind } from './ResetModal';

const ADMIN_ROLES = ['systemAdmin', 'countyAdmin'];

/**
 * 用户管理: the staff accounts of the administrator's jurisdiction, to unlock and reset (issue 12).
 * There is no self-service reset: the administrator hands the result over in person.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['fetchUsers'],
    queryFn: ({ signal }) => fetchUsers(signal),
  });
  const [reset, setReset] = useState<{ kind: ResetKind; user: StaffUser } | null>(null);
  const [open, setOpen] = useState(false);
  const unlock = useMutation({
    mutationFn: (u: StaffUser) => unlockUser(u.id),
    onSuccess: (_, u) => {
      void message.success(t('users.unlocked', { name: u.displayName }));
      void refetch();
    },
  });
  const systemAdmin = me.roles.includes('systemAdmin');
  // The server decides; the console only hides what it would refuse (oneself, and for a county
  // administrator any administrator).
  const mayReset = (u: StaffUser) => u.id !== me.id && (systemAdmin || !u.roles.some((r) => ADMIN_ROLES.includes(r)));
  const openReset = (kind: ResetKind, user: StaffUser) => {
    setReset({ kind, user });
    setOpen(true);
  };

  return (
    <Flex vertical gap={16} data-testid="users-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        <TeamOutlined /> {t('users.title')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={refetch} />
      <Card>
        <Typography.Paragraph type="secondary">{t('users.hint')}</Typography.Paragraph>
        <ApiErrorAlert error={unlock.error} />
        <Table<StaffUser>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('users.name'),
              key: 'name',
              render: (_, u) => (
                <>
                  {u.displayName} <Typography.Text type="secondary">{u.username}</Typography.Text>
                </>
              ),
            },
            {
              title: t('users.roles'),
              key: 'roles',
              render: (_, u) => u.roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator')),
            },
            { title: t('users.jurisdiction'), key: 'jurisdiction', render: (_, u) => u.jurisdiction.name },
            {
              title: t('users.state'),
              key: 'state',
              render: (_, u) => (
                <Space size={4} wrap>
                  {!u.active && <Tag>{t('users.inactive')}</Tag>}
                  {u.locked ? <Tag color="red">{t('users.locked')}</Tag> : <Tag color="green">{t('users.normal')}</Tag>}
                  {u.twoFactor && <Tag color="blue">{t('users.twoFactor')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('users.actions'),
              key: 'actions',
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.locked && (
                    <Popconfirm
                      title={t('users.confirmUnlock', { name: u.displayName })}
                      okText={t('users.unlock')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => unlock.mutate(u)}
                    >
                      <Button size="small" loading={unlock.isPending && unlock.variables.id === u.id}>
                        {t('users.unlock')}
                      </Button>
                    </Popconfirm>
                  )}
                  {mayReset(u) && (
                    <Button size="small" onClick={() => openReset('password', u)} data-testid="reset-password">
                      {t('users.resetPassword')}
                    </Button>
                  )}
                  {mayReset(u) && u.twoFactor && (
                    <Button size="small" onClick={() => openReset('twoFactor', u)} data-testid="reset-two-factor">
                      {t('users.resetTwoFactor')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ResetModal
        kind={reset?.kind ?? 'password'}
        user={reset?.user ?? null}
        open={open}
        onClose={() => setOpen(false)}
      />
    </Flex>
  );
}
