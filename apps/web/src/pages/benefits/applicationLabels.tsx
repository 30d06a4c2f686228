import type { ApplicationStatus, ApplicationSummary } from '@cradle/contract';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { findBuiltInScheme, pick } from '../../lib/domain';
import { optionalLabel } from '../../lib/optionalLabel';
import type { Lang } from '../../i18n/language';

const STATUS_COLOR: Record<ApplicationStatus, string> = {
  inReview: 'processing',
  publicNotice: 'gold',
  approved: 'success',
  rejected: 'error',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="application-status" data-status={status}>
      {t(`benefits.applicationStatus.${status}`)}
    </Tag>
  );
}

/** Status, with 已申诉 beside it once the one appeal is used. */
export function ApplicationStatusTags({
  application: a,
}: {
  application: Pick<ApplicationSummary, 'status' | 'appealed'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ApplicationStatusTag status={a.status} />
      {a.appealed && (
        <Tag color="purple" data-testid="application-appealed">
          {t('benefits.applications.appealed')}
        </Tag>
      )}
    </>
  );
}

/** A scheme's name from the definitions the console shares with the server, or its code. */
export function schemeNameOf(code: string, lang: Lang): string {
  const s = findBuiltInScheme(code);
  return s ? pick(s.name, lang) : code;
}

/** One declaration as people read it: 已为婴幼儿购买意外伤害保险：是, 特殊家庭类别：失独家庭. */
export function factText(t: TFunction, key: string, value: unknown): string {
  const label = optionalLabel('benefits.facts', key);
  const shown =
    typeof value === 'boolean'
      ? t(value ? 'benefits.facts.yes' : 'benefits.facts.no')
      : typeof value === 'string'
        ? optionalLabel('benefits.amountKeys', value)
        : JSON.stringify(value);
  return t('benefits.factValue', { fact: label, value: shown });
}
