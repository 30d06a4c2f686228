import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUNDLE_SERVICES, pick, type BundleService } from '../../../lib/portalDomain';
import { useLang } from '../../../lib/useLang';

type Props = { value?: BundleService[]; onChange?: (value: BundleService[]) => void };

/** The five services of 出生一件事, each with the department that does it and its time limit. */
export function ServicesField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Checkbox.Group
      value={value}
      onChange={(v) => onChange?.(v)}
      style={{ display: 'block' }}
      data-testid="portal-services"
    >
      {BUNDLE_SERVICES.map((s) => (
        <label key={s.service} className="portal-row" style={{ cursor: 'pointer' }}>
          <Checkbox value={s.service} data-testid={`portal-service-${s.service}`} />
          <span className="portal-row-main">
            <strong>{pick(s.label, lang)}</strong>
            <span className="portal-muted" style={{ display: 'block' }}>
              {t('portal.bundle.serviceBy', {
                department: t(`departments.${s.department}`),
                days: s.deadlineWorkingDays,
              })}
            </span>
          </span>
        </label>
      ))}
    </Checkbox.Group>
  );
}
