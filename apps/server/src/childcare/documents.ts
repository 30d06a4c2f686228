import { createHash } from 'node:crypto';
import type { ChildcareDocumentView } from '@cradle/contract';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { cleanFileName } from '../http/index.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import type { UploadedFile } from '../uploads.js';
import { insertDocument } from './repo.js';

/** As families' attachments (portal/attachments.ts): a scanned licence or a photographed page. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * An institution's document (licence, premises, fire approval), uploaded before the version it
 * goes with; the submission claims it (repo.claimDocuments). Encrypted as attachments are.
 */
export function createChildcareDocuments(database: Database, keys: Keys) {
  return {
    /** The file as read and checked by the route (uploads.ts readUploadedFile). */
    async upload(a: { user: SessionUser; clientIp: string }, file: UploadedFile): Promise<ChildcareDocumentView> {
      const { bytes: content, mediaType } = file;
      const fileName = cleanFileName(file.fileName, 100) || 'document';
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
