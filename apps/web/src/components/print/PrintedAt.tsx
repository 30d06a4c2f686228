import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/auth';

/** The custom property print.css puts in every printed page's bottom margin (@page @bottom-left). */
export const PRINTED_AT_PROPERTY = '--cradle-printed-at';

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

/**
 * "打印单位：… · 打印人：… · 打印时间：…" at the foot of every printed page. A page margin box
 * repeats on each sheet and takes no room from the content; its text reaches the stylesheet as a
 * property on <html> (a style attribute, which the console's CSP allows; no injected <style>).
 */
export function usePrintedAtFooter(): string {
  const { t } = useTranslation();
  const me = useMe();
  const at = usePrintTime();
  const text = t('print.printedAt', { unit: me.jurisdiction.name, user: me.displayName, at });
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty(PRINTED_AT_PROPERTY, JSON.stringify(text));
    return () => {
      root.removeProperty(PRINTED_AT_PROPERTY);
    };
  }, [text]);
  return text;
}
