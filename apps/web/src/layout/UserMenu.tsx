import { EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../lib/auth';
import { optionalLabel } from '../lib/optionalLabel';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const roles = me.roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator'));
  const department = optionalLabel('departments', me.department);

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            type: 'group',
            label: (
              <Flex vertical style={{ maxWidth: 280 }}>
                <Typography.Text strong>{me.displayName}</Typography.Text>
                <Typography.Text type="secondary">@{me.username}</Typography.Text>
                <Typography.Text type="secondary">{[roles, department].filter(Boolean).join(' · ')}</Typography.Text>
                <Typography.Text type="secondary">
                  <EnvironmentOutlined />{' '}
                  {t('header.jurisdictionOf', {
                    name: me.jurisdiction.name,
                    level: t(`regionLevels.${me.jurisdiction.level}`),
                  })}
                </Typography.Text>
              </Flex>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            danger: true,
            label: <span data-testid="logout">{t('header.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', paddingBlock: 4 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          <Flex vertical align="start" style={{ lineHeight: 1.3 }}>
            <Typography.Text strong data-testid="user-name">
              {me.displayName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="user-role">
              {roles} · {me.jurisdiction.name}
            </Typography.Text>
          </Flex>
        </Flex>
      </Button>
    </Dropdown>
  );
}
