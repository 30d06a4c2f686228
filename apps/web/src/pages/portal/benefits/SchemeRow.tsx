import type { SchemeEligibility } from '@cradle/contract';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/money';
import { pick } from '../../../lib/portalDomain';
import { useLang } from '../../../lib/useLang';
import { BenefitTrace } from './BenefitTrace';
import { benefitPeriod } from './benefitPeriod';

function PeriodText({ period }: { period: string }) {
  const { t } = useTranslation();
  const p = benefitPeriod(period);
  if (p.key === 'once') return <>{t('portalBenefits.period.once')}</>;
  if (p.key === 'year') return <>{t('portalBenefits.period.year', { year: p.year })}</>;
  return <>{t('portalBenefits.period.month', { month: p.month })}</>;
}

function nextStep(s: SchemeEligibility): 'proactiveHint' | 'applyHint' | 'notEligibleHint' {
  if (!s.eligible) return 'notEligibleHint';
  return s.proactive ? 'proactiveHint' : 'applyHint';
}

/** One scheme: the verdict and amount for the period, how it is paid, and the rules behind it on demand. */
export function SchemeRow({ scheme: s }: { scheme: SchemeEligibility }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  return (
    <section
      className="portal-benefit"
      data-testid="portal-benefit"
      data-scheme={s.schemeCode}
      data-eligible={String(s.eligible)}
      data-proactive={String(s.proactive)}
    >
      <div className="portal-benefit-head">
        <span className="portal-row-main">
          <strong data-testid="portal-benefit-name">{pick(s.name, lang)}</strong>
          <span style={{ display: 'block', marginTop: 4 }}>
            <Tag color={s.proactive ? 'green' : 'blue'} data-testid="portal-benefit-kind">
              {t(s.proactive ? 'portalBenefits.proactive' : 'portalBenefits.byApplication')}
            </Tag>
            <span className="portal-muted" data-testid="portal-benefit-period">
              <PeriodText period={s.period} />
            </span>
          </span>
        </span>
        <span className="portal-benefit-verdict">
          <Tag color={s.eligible ? 'success' : 'default'} data-testid="portal-benefit-verdict">
            {t(s.eligible ? 'portalBenefits.eligible' : 'portalBenefits.notEligible')}
          </Tag>
          {s.eligible && (
            <strong className="portal-benefit-amount mono" data-testid="portal-benefit-amount">
              {formatFen(s.amountFen)}
            </strong>
          )}
        </span>
      </div>
      <div className="portal-muted">{t(`portalBenefits.${nextStep(s)}`)}</div>
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        icon={open ? <UpOutlined /> : <DownOutlined />}
        iconPlacement="end"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="portal-benefit-toggle"
      >
        {t(open ? 'portalBenefits.hideTrace' : 'portalBenefits.showTrace', { n: s.trace.length })}
      </Button>
      {open && <BenefitTrace trace={s.trace} />}
    </section>
  );
}
