import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { rememberLanguage, storedLanguage, type Lang } from './language';
import { zhCN, type Translation } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

function applyLanguage(lang: Lang): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  if (i18next.isInitialized) document.title = i18next.t('app.name', { lng: lang });
}

export function initI18n(): void {
  const lang = storedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  applyLanguage(lang);
}

export async function changeLanguage(lang: Lang): Promise<void> {
  rememberLanguage(lang);
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}
