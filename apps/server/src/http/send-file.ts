import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from './file-names.js';

/**
 * A stored file sent back as a download, never rendered in the console's origin: its declared
 * type (nosniff is on: security-headers.ts) and its user-supplied name, cleaned again on the way
 * out, with `fallback` for clients that take only an ASCII name.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; content: Buffer },
  fallback: string,
) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentDisposition(file.fileName, fallback))
    .send(file.content);
}
