import type { FamilyServiceWork, OpenWork } from '@cradle/contract';
import { Card, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { bundleDepartmentOf, mayViewBundleTasks, mayViewChildbirthRegistrations, useMe } from '../../lib/auth';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { bundleServiceDefinition, isBundleService, pick } from '../family/familyDomain';

type Row = OpenWork & { key: string; label: string; queue: string | null };

/** Open, due-today and overdue family-service work in the region: 生育登记 and each 出生一件事 service. */
export function FamilyServicesPanel({ work }: { work: FamilyServiceWork }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const n = (v: number) => formatInteger(v, lang);
  const ownDepartment = bundleDepartmentOf(me);
  // A department operator follows a link to its own service's queue only; readers to any.
  const mayOpen = (service: string) =>
    mayViewBundleTasks(me) &&
    (ownDepartment === null ||
      (isBundleService(service) && bundleServiceDefinition(service).department === ownDepartment));

  const rows: Row[] = [
    {
      key: 'childbirthRegistration',
      label: t('family.registrations.title'),
      queue: mayViewChildbirthRegistrations(me) ? '/childbirth-registrations' : null,
      ...work.childbirthRegistrations,
    },
    ...work.bundleTasks.map((s) => ({
      key: s.service,
      label: isBundleService(s.service) ? pick(bundleServiceDefinition(s.service).label, lang) : s.service,
      queue: mayOpen(s.service) ? `/bundle-tasks?service=${s.service}` : null,
      ...s,
    })),
  ];
  const withDeadline = (queue: string, deadline: string) =>
    `${queue}${queue.includes('?') ? '&' : '?'}deadline=${deadline}`;

  const columns: TableColumnsType<Row> = [
    {
      title: t('family.dashboard.service'),
      dataIndex: 'label',
      render: (label: string, r) => (r.queue ? <Link to={r.queue}>{label}</Link> : label),
    },
    {
      title: t('family.dashboard.open'),
      dataIndex: 'open',
      align: 'right',
      render: (v: number) => <span data-testid="open">{n(v)}</span>,
    },
    {
      title: t('family.dashboard.dueToday'),
      dataIndex: 'dueToday',
      align: 'right',
      render: (v: number) => (
        <Typography.Text type={v > 0 ? 'warning' : 'secondary'} data-testid="due-today">
          {n(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('family.dashboard.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (v: number, r) => {
        const text = (
          <Typography.Text type={v > 0 ? 'danger' : 'secondary'} strong={v > 0} data-testid="overdue">
            {n(v)}
          </Typography.Text>
        );
        return v > 0 && r.queue ? <Link to={withDeadline(r.queue, 'overdue')}>{text}</Link> : text;
      },
    },
  ];

  return (
    <Card
      title={t('family.dashboard.title')}
      extra={<Typography.Text type="secondary">{t('family.dashboard.hint')}</Typography.Text>}
      data-testid="family-services-panel"
    >
      <Table<Row>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `family-work-${r.key}` }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
