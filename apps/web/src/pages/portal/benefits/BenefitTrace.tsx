import type { TraceStepView } from '@cradle/contract';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../lib/portalDomain';
import { useLang } from '../../../lib/useLang';

/** Each rule the check applied, in the scheme's order: the rule in plain words, what the registry shows, and the clause. */
export function BenefitTrace({ trace }: { trace: readonly TraceStepView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ol className="portal-benefit-trace" data-testid="portal-benefit-trace">
      {trace.map((step, i) => (
        <li
          key={`${step.check}-${i}`}
          className="portal-benefit-step"
          data-testid="portal-benefit-step"
          data-check={step.check}
          data-pass={String(step.pass)}
        >
          <span
            className="portal-benefit-mark"
            role="img"
            aria-label={t(step.pass ? 'portalBenefits.pass' : 'portalBenefits.fail')}
          >
            {step.pass ? (
              <CheckCircleFilled style={{ color: '#52c41a' }} />
            ) : (
              <CloseCircleFilled style={{ color: '#ff4d4f' }} />
            )}
          </span>
          <span className="portal-row-main">
            <strong data-testid="portal-benefit-rule">{pick(step.rule, lang)}</strong>
            <span className="portal-muted" style={{ display: 'block' }} data-testid="portal-benefit-saw">
              {t('portalBenefits.saw', { saw: pick(step.saw, lang) })}
            </span>
            <span className="portal-muted" style={{ display: 'block' }} data-testid="portal-benefit-basis">
              {t('portalBenefits.basis', { document: step.basis.document, clause: step.basis.clause })}
            </span>
            {step.interpretation && (
              <span className="portal-muted" style={{ display: 'block' }} data-testid="portal-benefit-interpretation">
                {t('portalBenefits.interpretation', { text: pick(step.interpretation, lang) })}
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
