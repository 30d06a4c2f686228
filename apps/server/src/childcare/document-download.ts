import type { Keys } from '../crypto/keys.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import { openEncryptedFile, type DownloadedFile, type EncryptedFile } from '../downloads/index.js';
import { childcareError } from './errors.js';

// The county office reads the documents an institution filed (licence, premises, fire approval)
// to review the filing and to prepare an inspection; the institution reads its own. Each
// download is audited with the file's digest.

export function createDocumentDownload(database: Database, keys: Keys) {
  return async (a: { user: SessionUser; clientIp: string }, id: number): Promise<DownloadedFile> =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      const [row] = await tx.query<
        EncryptedFile & { ownerUserId: number; filingId: number | null; institutionId: number | null }
      >(
        `SELECT d.file_name AS "fileName", d.media_type AS "mediaType", d.sha256, d.owner_user_id::int AS "ownerUserId",
                d.filing_id::int AS "filingId", f.institution_id::int AS "institutionId", d.content_cipher AS "contentCipher"
           FROM childcare_documents d LEFT JOIN childcare_filings f ON f.id = d.filing_id WHERE d.id = $1`,
        [id],
      );
      const own = row?.ownerUserId === a.user.id;
      // The county sees a document once it is filed with a version; its uploader sees it always.
      if (!row || (!own && (row.filingId === null || a.user.roles.includes('institutionOperator'))))
        throw childcareError('childcare.notFound');
      return openEncryptedFile(tx, keys, row, {
        actor: a,
        field: 'childcareDocument',
        action: 'childcare.downloadDocument',
        targetType: 'childcareDocument',
        targetId: String(id),
        details: { institutionId: row.institutionId },
      });
    });
}

export type DocumentDownload = ReturnType<typeof createDocumentDownload>;
