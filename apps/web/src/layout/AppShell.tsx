import { Flex, Layout, Space, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { usePrintedAtFooter } from '../components/print/PrintedAt';
import { isInstitutionOperator, useMe } from '../lib/auth';
import { useSystemInfo } from '../lib/useSystemInfo';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 216;

export function AppShell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const info = useSystemInfo();
  const me = useMe();
  usePrintedAtFooter();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        className="app-sider"
        width={SIDER_WIDTH}
        theme="light"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        style={{
          borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          height: '100vh',
        }}
      >
        <Link to="/" style={{ display: 'block', padding: '16px 20px' }} aria-label={t('app.name')}>
          <Logo collapsed={collapsed} />
        </Link>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="product-name">
              {t('app.name')}
            </Typography.Text>
            <Space size="middle">
              <LanguageSwitch />
              {/* An institution's account has no queue to be told about (its own page shows its deadlines). */}
              {!isInstitutionOperator(me) && <NotificationBell />}
              <UserMenu />
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, paddingBlock: 16 }}>
          {t('app.name')}
          {info ? ` · ${t('app.version', { version: info.version })}` : ''}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
