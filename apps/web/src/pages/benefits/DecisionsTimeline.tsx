import type { ReviewAction, ReviewDecision } from '@cradle/contract';
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';

const COLOR: Record<ReviewAction, string> = {
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  appeal: 'purple',
  closeNotice: 'green',
};

/** 审核记录: every step the application took, oldest first, with the rejection's reason and an approval's opinion (审核意见). */
export function DecisionsTimeline({ decisions }: { decisions: readonly ReviewDecision[] }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Timeline
      data-testid="decisions"
      items={decisions.map((d, i) => ({
        key: i,
        color: COLOR[d.action],
        content: (
          <div data-testid="decision" data-action={d.action} data-level={d.level}>
            <Typography.Text strong>{t(`benefits.applications.action.${d.action}`)}</Typography.Text>{' '}
            <Tag>{t(`benefits.reviewLevel.${d.level}`)}</Tag>
            <Typography.Text type="secondary">
              {formatDateTime(d.at)} ·{' '}
              {d.decidedBy === null
                ? t('common.none')
                : d.decidedBy === me.id
                  ? t('benefits.applications.decidedBySelf')
                  : (d.decidedByName ?? t('benefits.applications.decidedBy', { id: d.decidedBy }))}
            </Typography.Text>
            {d.reason &&
              (d.action === 'approve' ? (
                <div data-testid="decision-opinion">
                  {t('benefits.applications.opinionText', { opinion: d.reason })}
                </div>
              ) : (
                <div data-testid="decision-reason">{t('benefits.applications.reasonText', { reason: d.reason })}</div>
              ))}
          </div>
        ),
      }))}
    />
  );
}
