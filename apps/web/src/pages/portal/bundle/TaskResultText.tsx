import type { TaskResult } from '@cradle/contract';
import { useTranslation } from 'react-i18next';

/** What a department recorded, one line per item (ID numbers come masked). */
export function TaskResultText({ result }: { result: TaskResult }) {
  const { t } = useTranslation();
  const lines = [
    result.certificateNo && t('portal.bundle.result.certificateNo', { no: result.certificateNo }),
    result.recordNo && t('portal.bundle.result.recordNo', { no: result.recordNo }),
    result.newbornIdMasked && t('portal.bundle.result.newbornId', { id: result.newbornIdMasked }),
    result.enrolledOn && t('portal.bundle.result.enrolledOn', { date: result.enrolledOn }),
    result.cardStatus && t(`portal.bundle.result.card.${result.cardStatus}`, { no: result.cardNo ?? '' }),
  ].filter((x): x is string => Boolean(x));
  return (
    <div data-testid="portal-task-result">
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}
