import {
  AccountBookOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  CheckSquareOutlined,
  HeartOutlined,
  HomeOutlined,
  PayCircleOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
  FlagOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { monitoringNav } from './monitoringNav';
import {
  isAdmin,
  isSystemAdmin,
  mayHandleApplications,
  mayRunPaymentCycles,
  mayViewBundleTasks,
  mayImport,
  mayReadRegistry,
  mayRecordLifeEvents,
  mayReadSpecialFamilies,
  mayCheckFamilySize,
  mayViewChildbirthRegistrations,
  isInstitutionOperator,
  mayReadChildcare,
  maySuperviseChildcare,
  mayReviewChildcare,
  mayReadSupervision,
  isSupervisionLiaison,
  mayReadAnnualReports,
  mayReadSelfEvaluation,
  useMe,
} from '../lib/auth';

type NavItem = { key: string; path: string; icon: ReactNode; label: string; testId: string };

/** The section a path belongs to, so /persons/42 keeps 人员查询 highlighted (/monitoring/x: its page). */
function sectionOf(pathname: string): string {
  const [, first = '', second = ''] = pathname.split('/');
  // The entry pages have their own items; the scorecard and its indicator pages share one.
  if (first === 'monitoring' && ['plans', 'reported-values', 'warnings'].includes(second))
    return `monitoring-${second}`;
  if (first === 'childcare')
    return second === 'mine'
      ? 'childcare-mine'
      : second === 'filings'
        ? 'childcare-filings'
        : second === 'supervision'
          ? 'childcare-supervision'
          : 'childcare-institutions';
  if (first === 'supervision') return `supervision-${second === 'tasks' || second === '' ? 'tasks' : second}`;
  return first === '' ? 'dashboard' : first;
}

export function SideMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();

  const nav: NavItem[] = [
    { key: 'dashboard', path: '/', icon: <DashboardOutlined />, label: t('nav.dashboard'), testId: 'nav-dashboard' },
  ];
  // Need to know (issue 11): the registry is for those who keep it, not departments or leaders.
  if (mayReadRegistry(me))
    nav.push({
      key: 'persons',
      path: '/persons',
      icon: <SearchOutlined />,
      label: t('nav.persons'),
      testId: 'nav-persons',
    });
  if (mayImport(me))
    nav.push({
      key: 'import',
      path: '/import',
      icon: <CloudUploadOutlined />,
      label: t('nav.import'),
      testId: 'nav-import',
    });
  if (mayReadSpecialFamilies(me))
    nav.push({
      key: 'special-families',
      path: '/special-families',
      icon: <HeartOutlined />,
      label: t('nav.specialFamilies'),
      testId: 'nav-special-families',
    });
  if (mayReadAnnualReports(me))
    nav.push({
      key: 'annual-reports',
      path: '/annual-reports',
      icon: <FileTextOutlined />,
      label: t('annualReports.nav'),
      testId: 'nav-annual-reports',
    });
  if (mayReadSelfEvaluation(me))
    nav.push({
      key: 'self-evaluation',
      path: '/self-evaluation',
      icon: <CheckSquareOutlined />,
      label: t('selfEvaluation.nav'),
      testId: 'nav-self-evaluation',
    });
  if (mayCheckFamilySize(me))
    nav.push({
      key: 'family-size-check',
      path: '/family-size-check',
      icon: <TeamOutlined />,
      label: t('nav.familySize'),
      testId: 'nav-family-size-check',
    });
  if (mayRecordLifeEvents(me) || mayReadRegistry(me))
    nav.push({
      key: 'life-events',
      path: '/life-events',
      icon: <ProfileOutlined />,
      label: t('nav.lifeEvents'),
      testId: 'nav-life-events',
    });
  if (isAdmin(me))
    nav.push(
      {
        key: 'service-accounts',
        path: '/service-accounts',
        icon: <ApiOutlined />,
        label: t('nav.serviceAccounts'),
        testId: 'nav-service-accounts',
      },
      { key: 'audit', path: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), testId: 'nav-audit' },
      { key: 'users', path: '/users', icon: <TeamOutlined />, label: t('nav.users'), testId: 'nav-users' },
    );
  if (isSystemAdmin(me))
    nav.push({
      key: 'calendar',
      path: '/calendar',
      icon: <CalendarOutlined />,
      label: t('family.nav.calendar'),
      testId: 'nav-calendar',
    });

  // 家庭服务: township workers complete 生育登记; the five departments' operators their 出生一件事 tasks;
  // county administrators and leaders read both.
  const family: NavItem[] = [];
  if (mayViewChildbirthRegistrations(me))
    family.push({
      key: 'childbirth-registrations',
      path: '/childbirth-registrations',
      icon: <ScheduleOutlined />,
      label: t('family.nav.registrations'),
      testId: 'nav-childbirth-registrations',
    });
  if (mayViewBundleTasks(me))
    family.push({
      key: 'bundle-tasks',
      path: '/bundle-tasks',
      icon: <TeamOutlined />,
      label: t('family.nav.bundleTasks'),
      testId: 'nav-bundle-tasks',
    });

  // 补贴发放: schemes for everyone; applications for the review levels (village, township, county);
  // payment cycles for county administrators and finance.
  const benefits: NavItem[] = [
    { key: 'schemes', path: '/schemes', icon: <FileProtectOutlined />, label: t('nav.schemes'), testId: 'nav-schemes' },
  ];
  if (mayHandleApplications(me))
    benefits.push({
      key: 'applications',
      path: '/applications',
      icon: <SolutionOutlined />,
      label: t('nav.applications'),
      testId: 'nav-applications',
    });
  if (mayRunPaymentCycles(me))
    benefits.push({
      key: 'payment-cycles',
      path: '/payment-cycles',
      icon: <PayCircleOutlined />,
      label: t('nav.paymentCycles'),
      testId: 'nav-payment-cycles',
    });

  // 监测 (issue 13): one list, layout/monitoringNav.tsx.
  const monitoring: NavItem[] = monitoringNav(me, t);

  // 托育服务 (issue 14): the county reviews filings; whoever oversees childcare reads the institutions.
  const childcare: NavItem[] = [];
  if (mayReviewChildcare(me))
    childcare.push({
      key: 'childcare-filings',
      path: '/childcare/filings',
      icon: <ScheduleOutlined />,
      label: t('childcare.nav.queue'),
      testId: 'nav-childcare-filings',
    });
  if (mayReadChildcare(me))
    childcare.push({
      key: 'childcare-institutions',
      path: '/childcare/institutions',
      icon: <HomeOutlined />,
      label: t('childcare.nav.institutions'),
      testId: 'nav-childcare-institutions',
    });
  // Supervision (issue 14): the readers, and education for 幼儿园托班.
  if (maySuperviseChildcare(me))
    childcare.push({
      key: 'childcare-supervision',
      path: '/childcare/supervision',
      icon: <ScheduleOutlined />,
      label: t('childcareSupervision.nav'),
      testId: 'nav-childcare-supervision',
    });
  if (mayRunPaymentCycles(me))
    childcare.push({
      key: 'childcare-awards',
      path: '/childcare/awards',
      icon: <PayCircleOutlined />,
      label: t('childcare.awards.nav'),
      testId: 'nav-childcare-awards',
    });

  // 重点任务督办 (issue 15): the office and readers see the county's; a liaison its unit's tasks.
  const supervision: NavItem[] = [];
  if (isSupervisionLiaison(me))
    supervision.push({
      key: 'supervision-mine',
      path: '/supervision/mine',
      icon: <FlagOutlined />,
      label: t('supervision.nav.myTasks'),
      testId: 'nav-supervision-mine',
    });
  if (mayReadSupervision(me))
    supervision.push(
      {
        key: 'supervision-tasks',
        path: '/supervision/tasks',
        icon: <FlagOutlined />,
        label: t('supervision.nav.tasks'),
        testId: 'nav-supervision-tasks',
      },
      {
        key: 'supervision-board',
        path: '/supervision/board',
        icon: <BarChartOutlined />,
        label: t('supervision.nav.board'),
        testId: 'nav-supervision-board',
      },
      {
        key: 'supervision-units',
        path: '/supervision/units',
        icon: <TeamOutlined />,
        label: t('supervision.nav.units'),
        testId: 'nav-supervision-units',
      },
      {
        key: 'supervision-meetings',
        path: '/supervision/meetings',
        icon: <ScheduleOutlined />,
        label: t('supervision.nav.meetings'),
        testId: 'nav-supervision-meetings',
      },
    );

  const item = (n: NavItem) => ({
    key: n.key,
    icon: n.icon,
    label: (
      <Link to={n.path} data-testid={n.testId}>
        {n.label}
      </Link>
    ),
  });
  // An institution's own account files its institution and sees nothing else (need to know).
  const mine: NavItem = {
    key: 'childcare-mine',
    path: '/childcare/mine',
    icon: <HomeOutlined />,
    label: t('childcare.nav.mine'),
    testId: 'nav-childcare-mine',
  };
  const items: MenuProps['items'] = isInstitutionOperator(me)
    ? [item(mine)]
    : [
        ...nav.map(item),
        ...(family.length > 0
          ? [{ key: 'family', icon: <HeartOutlined />, label: t('family.nav.group'), children: family.map(item) }]
          : []),
        { key: 'benefits', icon: <AccountBookOutlined />, label: t('nav.benefits'), children: benefits.map(item) },
        {
          key: 'monitoring-group',
          icon: <BarChartOutlined />,
          label: t('monitoring.nav.group'),
          children: monitoring.map(item),
        },
        ...(childcare.length > 0
          ? [
              {
                key: 'childcare',
                icon: <HomeOutlined />,
                label: t('childcare.nav.group'),
                children: childcare.map(item),
              },
            ]
          : []),
        ...(supervision.length > 0
          ? [
              {
                key: 'supervision',
                icon: <FlagOutlined />,
                label: t('supervision.nav.group'),
                children: supervision.map(item),
              },
            ]
          : []),
      ];

  return (
    <Menu
      mode="inline"
      selectedKeys={[sectionOf(pathname)]}
      defaultOpenKeys={['family', 'benefits', 'monitoring-group', 'childcare', 'supervision']}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
