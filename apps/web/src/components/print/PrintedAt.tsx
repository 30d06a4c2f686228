import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/auth';

/** Now, and again at the moment the browser prints (a page left open prints later than it loaded). */
function usePrintTime(): string {
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const update = () => setAt(new Date().toISOString());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return formatDateTime(at) ?? '';
}

/** "打印单位：维西傈僳族自治县 · 打印人：… · 打印时间：…": who printed a sheet, for whom, and when. */
export function PrintedAt({ className }: { className?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const at = usePrintTime();
  return (
    <div className={className} data-testid="printed-at">
      {t('print.printedAt', { unit: me.jurisdiction.name, user: me.displayName, at })}
    </div>
  );
}
