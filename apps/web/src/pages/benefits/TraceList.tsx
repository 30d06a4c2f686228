import type { TraceStepView } from '@cradle/contract';
import { BulbOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

/** Every rule the check applied, in the scheme's order: what it asked, what it saw, and the clause. */
export function TraceList({ trace }: { trace: readonly TraceStepView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { token } = theme.useToken();

  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="eligibility-trace">
      {trace.map((step, i) => (
        <li
          key={`${step.check}-${i}`}
          data-testid="trace-step"
          data-check={step.check}
          data-pass={String(step.pass)}
          style={{
            display: 'flex',
            gap: 12,
            padding: '10px 0',
            borderTop: i > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined,
          }}
        >
          <span
            style={{ fontSize: 18, lineHeight: '22px' }}
            aria-label={t(step.pass ? 'benefits.eligibility.pass' : 'benefits.eligibility.fail')}
          >
            {step.pass ? (
              <CheckCircleFilled style={{ color: token.colorSuccess }} />
            ) : (
              <CloseCircleFilled style={{ color: token.colorError }} />
            )}
          </span>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong>{pick(step.rule, lang)}</Typography.Text>
            <Typography.Text type="secondary">
              {t('benefits.eligibility.saw')}
              <span data-testid="trace-saw">{pick(step.saw, lang)}</span>
            </Typography.Text>
            <div>
              <Tag>
                {step.basis.document} {step.basis.clause}
              </Tag>
            </div>
            {step.interpretation && (
              <div
                data-testid="trace-interpretation"
                style={{
                  background: token.colorWarningBg,
                  border: `1px solid ${token.colorWarningBorder}`,
                  borderRadius: token.borderRadius,
                  padding: '6px 10px',
                }}
              >
                <Tag color="orange" icon={<BulbOutlined />}>
                  {t('benefits.interpretations.short')}
                </Tag>
                {pick(step.interpretation, lang)}
              </div>
            )}
          </Flex>
        </li>
      ))}
    </ol>
  );
}
