import type { VersionStatus } from '@cradle/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<VersionStatus, string> = { draft: 'default', inReview: 'processing', published: 'success' };

export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-status={status} data-testid="version-status">
      {t(`benefits.versionStatus.${status}`)}
    </Tag>
  );
}
