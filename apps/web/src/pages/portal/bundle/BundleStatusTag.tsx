import type { BundleStatus } from '@cradle/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<BundleStatus, string> = {
  inProgress: 'processing',
  returned: 'error',
  completed: 'success',
};

export function BundleStatusTag({ status }: { status: BundleStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="portal-bundle-status" data-status={status}>
      {t(`portal.bundle.status.${status}`)}
    </Tag>
  );
}
