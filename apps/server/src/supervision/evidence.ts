import { createHash } from 'node:crypto';
import type { EvidenceView } from '@cradle/contract';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { cleanFileName } from '../http/index.js';
import { appendAudit } from '../audit/index.js';
import type { UploadedFile } from '../uploads.js';
import { insertEvidence } from './reports-repo.js';
import { countyOf, type Actor } from './service.js';

/** As families' attachments and childcare documents: a photo or a scan, 5 MB at most. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** A report's evidence file, uploaded before the report that claims it; encrypted where stored. */
export function createSupervisionEvidence(database: Database, keys: Keys) {
  return {
    /** The file as read and checked by the route (uploads.ts readUploadedFile). */
    async upload(a: Actor, file: UploadedFile): Promise<EvidenceView> {
      const { bytes: content, mediaType } = file;
      const fileName = cleanFileName(file.fileName, 100) || 'evidence';
      const sha256 = createHash('sha256').update(content).digest('hex');
      return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
        const id = await insertEvidence(tx, {
          ownerUserId: a.user.id,
          regionCode: countyOf(a.user),
          fileName,
          mediaType,
          sizeBytes: content.length,
          sha256,
          contentCipher: encryptField(keys.piiEncryption, 'supervisionEvidence', content.toString('base64')),
        });
        await appendAudit(tx, {
          userId: a.user.id,
          username: a.user.username,
          jurisdictionCode: a.user.jurisdictionCode,
          clientIp: a.clientIp,
          action: 'supervision.uploadEvidence',
          targetType: 'supervisionEvidence',
          targetId: String(id),
          outcome: 'success',
          details: { sha256, sizeBytes: content.length },
        });
        return { id, fileName, mediaType, sizeBytes: content.length, sha256 };
      });
    },
  };
}

export type SupervisionEvidence = ReturnType<typeof createSupervisionEvidence>;
