import type { Message } from '../messages.js';

/**
 * A period as the server keys it ('2025', '2025-Q1', '2025-03', '2025/3y', '2025-03/12m') or a
 * warning stores it ('2023–2025'), in words: the console, the notifications and the XLSX exports
 * say it the same way, and no "Q" reaches the Chinese interface.
 */
export function periodWords(key: string): Message {
  const [base = key, rolling] = key.split('/');
  const q = /^(\d{4})-Q(\d)$/.exec(base);
  const m = /^(\d{4})-(\d{2})$/.exec(base);
  const zh = q ? `${q[1]}年第${q[2]}季度` : m ? `${m[1]}年${Number(m[2])}月` : `${base}年`;
  if (rolling === '3y') return { zh: `截至${zh}的3年`, en: `3 years to ${base}` };
  if (rolling === '12m') return { zh: `截至${zh}的12个月`, en: `12 months to ${base}` };
  return { zh, en: base };
}
