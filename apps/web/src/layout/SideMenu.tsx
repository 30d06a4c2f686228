import { AuditOutlined, CloudUploadOutlined, DashboardOutlined, SearchOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { isAdmin, mayWrite, useMe } from '../lib/auth';

type NavItem = { key: string; path: string; icon: ReactNode; label: string; testId: string };

/** The section a path belongs to, so /persons/42 keeps 人员查询 highlighted. */
function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first === '' ? 'dashboard' : first;
}

export function SideMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();

  const nav: NavItem[] = [
    { key: 'dashboard', path: '/', icon: <DashboardOutlined />, label: t('nav.dashboard'), testId: 'nav-dashboard' },
    { key: 'persons', path: '/persons', icon: <SearchOutlined />, label: t('nav.persons'), testId: 'nav-persons' },
  ];
  if (mayWrite(me)) nav.push({ key: 'import', path: '/import', icon: <CloudUploadOutlined />, label: t('nav.import'), testId: 'nav-import' });
  if (isAdmin(me)) nav.push({ key: 'audit', path: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), testId: 'nav-audit' });

  const items: MenuProps['items'] = nav.map((n) => ({
    key: n.key,
    icon: n.icon,
    label: (
      <Link to={n.path} data-testid={n.testId}>
        {n.label}
      </Link>
    ),
  }));

  return <Menu mode="inline" selectedKeys={[sectionOf(pathname)]} items={items} style={{ borderInlineEnd: 'none' }} />;
}
