import i18next from 'i18next';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'cradle.lang';

function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en';
}

/** zh-CN unless the user picked English before; the browser's language is not consulted. */
export function storedLanguage(): Lang {
  try {
    const saved = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(saved) ? saved : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The language the server should answer in (Accept-Language). */
export function currentLanguage(): Lang {
  return isLang(i18next.language) ? i18next.language : 'zh-CN';
}
