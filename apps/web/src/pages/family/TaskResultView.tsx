import type { BundleTaskView } from '@cradle/contract';
import { Alert, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { MaskedId } from '../persons/personColumns';

/** What the department recorded when it completed the task. */
export function TaskResultView({ task }: { task: BundleTaskView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const r = task.result ?? {};
  const none = t('common.none');
  const items = [];
  if (r.certificateNo !== undefined)
    items.push({
      key: 'certificateNo',
      label: t('family.complete.fields.certificateNo'),
      children: (
        <span className="mono" data-testid="result-certificateNo">
          {r.certificateNo}
        </span>
      ),
    });
  if (r.recordNo !== undefined)
    items.push({ key: 'recordNo', label: t('family.complete.fields.recordNo'), children: r.recordNo ?? none });
  if (r.newbornIdMasked !== undefined) {
    items.push({
      key: 'newbornId',
      label: t('family.tasks.newbornId'),
      children: (
        <span data-testid="result-newbornId">
          <MaskedId value={r.newbornIdMasked} />{' '}
          {r.newbornPersonId !== undefined && (
            <Link to={`/persons/${r.newbornPersonId}`}>{t('family.tasks.openPerson')}</Link>
          )}
        </span>
      ),
    });
  }
  if (r.enrolledOn !== undefined) {
    items.push({
      key: 'enrolledOn',
      label: t('family.complete.fields.enrolledOn'),
      children: (
        <>
          {r.enrolledOn}{' '}
          {r.lateEnrolment && (
            <Tag color="red" data-testid="late-flag">
              {t('family.tasks.late')}
            </Tag>
          )}
        </>
      ),
    });
  }
  if (r.cardNo !== undefined || r.cardStatus !== undefined) {
    items.push({
      key: 'cardNo',
      label: t('family.complete.fields.cardNo'),
      children: `${r.cardNo ?? none}${r.cardStatus ? ` · ${t(`family.tasks.cardStatus.${r.cardStatus}`)}` : ''}`,
    });
  }
  items.push({
    key: 'completedAt',
    label: t('family.tasks.completedAt'),
    children: formatDateTime(task.completedAt) ?? none,
  });
  const notLinked = r.parentsNotLinked ?? [];
  return (
    <Flex vertical gap={12}>
      {notLinked.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('family.tasks.parentsNotLinked')}
          description={notLinked.map((p) => (
            <div key={p.role} data-role={p.role}>
              {pick(p.message, lang)}
            </div>
          ))}
          data-testid="parents-not-linked"
        />
      )}
      <Descriptions bordered size="small" column={1} items={items} data-testid="task-result" />
    </Flex>
  );
}
