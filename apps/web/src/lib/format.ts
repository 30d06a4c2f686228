import type { Lang } from '../i18n/language';

export function formatInteger(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** A 0–1 fraction as a percentage with one decimal, or null when unknown. */
export function formatPercent(fraction: number | null, lang: Lang): string | null {
  if (fraction === null) return null;
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    fraction,
  );
}

/** Every instant the console shows is China time, whatever zone the browser is in (deadlines are China dates). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const chinaParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function chinaFields(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const f = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of chinaParts.formatToParts(d)) if (p.type in f) f[p.type as keyof typeof f] = p.value;
  return f;
}

/** An instant as `YYYY-MM-DD HH:mm:ss` in China time; an unparsable text is shown as it is. */
export function formatDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = chinaFields(d);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}`;
}

/** The China date (`YYYY-MM-DD`) of an instant, by default now. */
export function chinaDate(at: Date = new Date()): string {
  const f = chinaFields(at);
  return `${f.year}-${f.month}-${f.day}`;
}

export const MEGABYTE = 1024 * 1024;

export function formatFileSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${Math.round(bytes / MEGABYTE)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
