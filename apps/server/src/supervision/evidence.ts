import { createHash } from 'node:crypto';
import type { EvidenceView } from '@cradle/contract';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { cleanFileName } from '../http/index.js';
import { appendAudit } from '../audit/index.js';
import type { UploadedFile } from '../uploads.js';
import { openEncryptedFile, type DownloadedFile, type EncryptedFile } from '../downloads/index.js';
import { SUPERVISION_READERS } from '@cradle/domain';
import { supervisionError } from './errors.js';
import { unitIdsOfUser } from './repo.js';
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

    /**
     * A report's evidence file, for whoever reviews or reads the report: the joint meeting's
     * office and the readers (a file once attached to a report), the liaisons of the unit that
     * reported it, and its uploader (also before it is attached). Audited with its digest.
     */
    async download(a: Actor, id: number): Promise<DownloadedFile> {
      return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
        const [row] = await tx.query<
          EncryptedFile & { ownerUserId: number; reportId: number | null; unitId: number | null }
        >(
          `SELECT e.file_name AS "fileName", e.media_type AS "mediaType", e.sha256, e.owner_user_id::int AS "ownerUserId",
                  e.report_id::int AS "reportId", r.unit_id::int AS "unitId", e.content_cipher AS "contentCipher"
             FROM supervision_evidence e LEFT JOIN supervision_reports r ON r.id = e.report_id WHERE e.id = $1`,
          [id],
        );
        if (!row) throw supervisionError('supervision.notFound');
        const own = row.ownerUserId === a.user.id;
        const reader = a.user.roles.some((r) => SUPERVISION_READERS.includes(r));
        // The unit lookup only for a liaison who neither uploaded the file nor reads every report.
        const colleague =
          !own && !reader && row.unitId !== null && (await unitIdsOfUser(tx, a.user)).includes(row.unitId);
        if (!own && (row.reportId === null || !(reader || colleague))) throw supervisionError('supervision.notFound');
        return openEncryptedFile(tx, keys, row, {
          actor: a,
          field: 'supervisionEvidence',
          action: 'supervision.downloadEvidence',
          targetType: 'supervisionEvidence',
          targetId: String(id),
          details: { reportId: row.reportId },
        });
      });
    },
  };
}

export type SupervisionEvidence = ReturnType<typeof createSupervisionEvidence>;
