import type { ChildbirthPrefill } from '@cradle/contract';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** 孩次: computed from the registry, never typed; explained so the family knows where it comes from. */
export function ParityNote({ prefill }: { prefill: ChildbirthPrefill }) {
  const { t } = useTranslation();
  if (prefill.parity === null) {
    return (
      <Alert
        type="info"
        showIcon
        className="portal-card"
        title={t('portal.registration.parityLater')}
        data-testid="portal-parity"
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      className="portal-card"
      title={
        <span>
          {t('portal.registration.parityLabel')}{' '}
          <strong data-testid="portal-parity-value">{t('parity.nth', { n: prefill.parity })}</strong>
        </span>
      }
      description={t('portal.registration.parityExplained', { existing: prefill.children.length })}
      data-testid="portal-parity"
    />
  );
}
