import { useTranslation } from 'react-i18next';
import type { Message } from '../../lib/domain';
import { useLang } from '../../lib/useLang';
import type { Translation } from '../../i18n/zh-CN';

/** A domain word (checklist item, grade, class) in the interface language. */
export function useWord(): (m: Message) => string {
  const lang = useLang();
  return (m) => (lang === 'en' ? m.en : m.zh);
}

export type FieldKey = keyof Translation['childcareSupervision']['fields'];

/** The supervision pages' column titles. */
export function useField(): (k: FieldKey) => string {
  const { t } = useTranslation();
  return (k) => t(`childcareSupervision.fields.${k}`);
}
