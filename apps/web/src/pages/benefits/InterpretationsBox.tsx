import type { Message } from '@cradle/contract';
import { BulbOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

/** Cradle's own readings of unclear policy text, set apart so nobody takes them for the text itself. */
export function InterpretationsBox({ interpretations }: { interpretations: readonly Message[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (interpretations.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<BulbOutlined />}
      title={t('benefits.interpretations.title')}
      data-testid="interpretations"
      description={
        <>
          <div style={{ marginBottom: 8, opacity: 0.75 }}>{t('benefits.interpretations.hint')}</div>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {interpretations.map((m, i) => (
              <li key={i}>{pick(m, lang)}</li>
            ))}
          </ol>
        </>
      }
    />
  );
}
