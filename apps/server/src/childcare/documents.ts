import { createHash } from 'node:crypto';
import type { ChildcareDocumentView } from '@cradle/contract';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { cleanFileName } from '../http/index.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { childcareError } from './errors.js';
import { insertDocument } from './repo.js';

/** As families' attachments (portal/attachments.ts): a scanned licence or a photographed page. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

function mediaTypeOf(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/**
 * An institution's document (licence, premises, fire approval), uploaded before the version it
 * goes with; the submission claims it (repo.claimDocuments). Encrypted as attachments are.
 */
export function createChildcareDocuments(database: Database, keys: Keys) {
  return {
    async upload(
      a: { user: SessionUser; clientIp: string },
      file: { name: string; content: Buffer; truncated: boolean },
    ): Promise<ChildcareDocumentView> {
      const { content } = file;
      if (content.length > MAX_DOCUMENT_BYTES || file.truncated) throw childcareError('childcare.documentTooLarge');
      const mediaType = content.length > 0 ? mediaTypeOf(content) : null;
      if (!mediaType) throw childcareError('childcare.documentType');
      const fileName = cleanFileName(file.name, 100) || 'document';
      const sha256 = createHash('sha256').update(content).digest('hex');
      return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
        const id = await insertDocument(tx, {
          ownerUserId: a.user.id,
          regionCode: a.user.jurisdictionCode,
          fileName,
          mediaType,
          sizeBytes: content.length,
          sha256,
          contentCipher: encryptField(keys.piiEncryption, 'childcareDocument', content.toString('base64')),
        });
        await appendAudit(tx, {
          userId: a.user.id,
          username: a.user.username,
          jurisdictionCode: a.user.jurisdictionCode,
          clientIp: a.clientIp,
          action: 'childcare.uploadDocument',
          targetType: 'childcareDocument',
          targetId: String(id),
          outcome: 'success',
          details: { sha256, sizeBytes: content.length },
        });
        return { id, fileName, mediaType, sizeBytes: content.length, sha256 };
      });
    },
  };
}

export type ChildcareDocuments = ReturnType<typeof createChildcareDocuments>;
