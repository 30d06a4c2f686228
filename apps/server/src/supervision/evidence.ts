import { createHash } from 'node:crypto';
import type { EvidenceView } from '@cradle/contract';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { cleanFileName } from '../http/index.js';
import { appendAudit } from '../audit/index.js';
import { supervisionError } from './errors.js';
import { insertEvidence } from './reports-repo.js';
import { countyOf, type Actor } from './service.js';

/** As families' attachments and childcare documents: a photo or a scan, 5 MB at most. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

function mediaTypeOf(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** A report's evidence file, uploaded before the report that claims it; encrypted where stored. */
export function createSupervisionEvidence(database: Database, keys: Keys) {
  return {
    async upload(a: Actor, file: { name: string; content: Buffer; truncated: boolean }): Promise<EvidenceView> {
      const { content } = file;
      if (content.length > MAX_EVIDENCE_BYTES || file.truncated) throw supervisionError('supervision.evidenceTooLarge');
      const mediaType = content.length > 0 ? mediaTypeOf(content) : null;
      if (!mediaType) throw supervisionError('supervision.evidenceType');
      const fileName = cleanFileName(file.name, 100) || 'evidence';
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
