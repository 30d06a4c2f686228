import { AimOutlined, AlertOutlined, DatabaseOutlined, LineChartOutlined } from '@ant-design/icons';
import type { Me } from '@cradle/contract';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { mayProject, mayViewMonitoring } from '../lib/auth';

export type MonitoringNavItem = { key: string; path: string; icon: ReactNode; label: string; testId: string };

/**
 * The 监测 group of the side menu: each monitoring page adds its item here, in the order shown:
 * the scorecard (for MONITORING_ROLES), then plans, reported values and warnings (figures with no
 * person in them: everyone of the jurisdiction, so the group is never empty), then the projection
 * (for those who plan).
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
  items.push(
    {
      key: 'monitoring-plans',
      path: '/monitoring/plans',
      icon: <AimOutlined />,
      label: t('monitoringEntry.nav.plans'),
      testId: 'nav-monitoring-plans',
    },
    {
      key: 'monitoring-reported-values',
      path: '/monitoring/reported-values',
      icon: <DatabaseOutlined />,
      label: t('monitoringEntry.nav.reported'),
      testId: 'nav-monitoring-reported',
    },
    {
      key: 'monitoring-warnings',
      path: '/monitoring/warnings',
      icon: <AlertOutlined />,
      label: t('monitoringEntry.nav.warnings'),
      testId: 'nav-monitoring-warnings',
    },
  );
  if (mayProject(me))
    items.push({
      key: 'projection',
      path: '/projection',
      icon: <LineChartOutlined />,
      label: t('nav.projection'),
      testId: 'nav-projection',
    });
  return items;
}
