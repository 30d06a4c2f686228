/** A user-facing text in both interface languages; zh-CN is the primary one. */
export type Message = { zh: string; en: string };

export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export function pick(msg: Message, lang: Lang): string {
  return lang === 'zh-CN' ? msg.zh : msg.en;
}
