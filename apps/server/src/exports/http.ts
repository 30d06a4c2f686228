import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { Lang } from '@cradle/domain';
import { attachmentDisposition } from '../http/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Marks the answer as an export's download named for the list and the day (人员查询-2026-11-24.xlsx)
 * and gives back the workbook for the handler to return.
 */
export function sendXlsx(
  reply: FastifyReply,
  lang: Lang,
  name: { zh: string; en: string },
  workbook: Readable,
): Readable {
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const fileName = `${lang === 'en' ? name.en : name.zh}-${day}.xlsx`;
  void reply
    .header('content-type', XLSX)
    .header('content-disposition', attachmentDisposition(fileName, `${name.en}-${day}.xlsx`));
  return workbook;
}
