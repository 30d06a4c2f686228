import i18next from 'i18next';
import type { FamilyFieldError } from '../../../lib/portalDomain';

/** A check of the portal's own (not the domain's) as a field error in both languages, like the domain's. */
export function portalFieldError(field: string, key: string): FamilyFieldError {
  const text = (lng: string) => String(i18next.t(key, { lng, defaultValue: key }));
  return { field, code: 'text.required', message: { zh: text('zh-CN'), en: text('en') } };
}
