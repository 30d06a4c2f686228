import { LineChartOutlined } from '@ant-design/icons';
import type { Me } from '@cradle/contract';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { mayViewMonitoring } from '../lib/auth';

export type MonitoringNavItem = { key: string; path: string; icon: ReactNode; label: string; testId: string };

/**
 * The 监测 group of the side menu: each monitoring page adds its item here (指标看板 nav-scorecard;
 * 人口预测 nav-projection next), in the order shown. An empty list hides the group.
 */
export function monitoringNav(me: Me, t: TFunction): MonitoringNavItem[] {
  const items: MonitoringNavItem[] = [];
  if (mayViewMonitoring(me))
    items.push({
      key: 'monitoring',
      path: '/monitoring',
      icon: <LineChartOutlined />,
      label: t('monitoring.nav.scorecard'),
      testId: 'nav-scorecard',
    });
  return items;
}
