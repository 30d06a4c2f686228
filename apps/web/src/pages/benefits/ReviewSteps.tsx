import type { ApplicationSummary, ReviewLevel } from '@cradle/contract';
import { Steps, type StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { findBuiltInScheme } from '../../lib/domain';

type Props = { application: Pick<ApplicationSummary, 'schemeCode' | 'status' | 'level' | 'noticeUntil'> };

/**
 * Where the application stands among its scheme's review levels (as the server's review() moves
 * it): the level reviewing now, the one that rejected it, the public notice, or done.
 */
export function ReviewSteps({ application: a }: Props) {
  const { t } = useTranslation();
  const scheme = findBuiltInScheme(a.schemeCode);
  const levels: readonly ReviewLevel[] = scheme && scheme.reviewLevels.length > 0 ? scheme.reviewLevels : ['county'];
  const withNotice = (scheme?.publicNoticeDays ?? 0) > 0;

  const items: NonNullable<StepsProps['items']> = levels.map((level) => ({
    title: t(`benefits.reviewLevel.${level}`),
  }));
  if (withNotice)
    items.push({
      title: t('benefits.applications.noticeStep'),
      content: a.noticeUntil ? t('benefits.applications.noticeStepUntil', { date: a.noticeUntil }) : undefined,
    });
  items.push({ title: t('benefits.applications.approvedStep') });

  const at = Math.max(0, levels.indexOf(a.level));
  const [current, status]: [number, StepsProps['status']] =
    a.status === 'approved'
      ? [items.length - 1, 'finish']
      : a.status === 'publicNotice'
        ? [levels.length, 'process']
        : [at, a.status === 'rejected' ? 'error' : 'process'];

  return (
    <Steps
      size="small"
      current={current}
      status={status}
      items={items}
      data-testid="review-steps"
      data-current={current}
      data-status={status}
    />
  );
}
