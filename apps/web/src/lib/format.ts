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

export function formatDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export const MEGABYTE = 1024 * 1024;

export function formatFileSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${Math.round(bytes / MEGABYTE)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
