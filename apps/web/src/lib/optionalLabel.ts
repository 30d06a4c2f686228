import i18next from 'i18next';

/**
 * Label for a code the server may extend (audit actions, target types): the translation if
 * there is one, else the code itself, so a new server-side value never shows blank.
 */
export function optionalLabel(prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  if (!i18next.exists(key)) return code;
  const text: unknown = i18next.t(key, { defaultValue: code });
  return typeof text === 'string' ? text : code;
}
