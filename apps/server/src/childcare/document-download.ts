import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { childcareError } from './errors.js';

// The county office reads the documents an institution filed (licence, premises, fire approval)
// to review the filing and to prepare an inspection; the institution reads its own. Each
// download is audited with the file's digest.

export function createDocumentDownload(database: Database, keys: Keys) {
  return async (
    a: { user: SessionUser; clientIp: string },
    id: number,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      const [row] = await tx.query<{
        fileName: string;
        mediaType: string;
        sha256: string;
        ownerUserId: number;
        filingId: number | null;
        institutionId: number | null;
        contentCipher: Buffer | Uint8Array;
      }>(
        `SELECT d.file_name AS "fileName", d.media_type AS "mediaType", d.sha256, d.owner_user_id::int AS "ownerUserId",
                d.filing_id::int AS "filingId", f.institution_id::int AS "institutionId", d.content_cipher AS "contentCipher"
           FROM childcare_documents d LEFT JOIN childcare_filings f ON f.id = d.filing_id WHERE d.id = $1`,
        [id],
      );
      const own = row?.ownerUserId === a.user.id;
      // The county sees a document once it is filed with a version; its uploader sees it always.
      if (!row || (!own && (row.filingId === null || a.user.roles.includes('institutionOperator'))))
        throw childcareError('childcare.notFound');
      const content = Buffer.from(
        decryptField(keys.piiEncryption, 'childcareDocument', Buffer.from(row.contentCipher)),
        'base64',
      );
      await appendAudit(tx, {
        userId: a.user.id,
        username: a.user.username,
        jurisdictionCode: a.user.jurisdictionCode,
        clientIp: a.clientIp,
        action: 'childcare.downloadDocument',
        targetType: 'childcareDocument',
        targetId: String(id),
        outcome: 'success',
        details: { sha256: row.sha256, institutionId: row.institutionId },
      });
      return { fileName: row.fileName, mediaType: row.mediaType, content };
    });
}

export type DocumentDownload = ReturnType<typeof createDocumentDownload>;
