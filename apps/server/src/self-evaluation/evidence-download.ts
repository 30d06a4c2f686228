import type { Keys } from '../crypto/keys.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import { openEncryptedFile, type DownloadedFile, type EncryptedFile } from '../downloads/index.js';
import { selfEvaluationError } from './errors.js';

// The office, the departments and the leaders read the evidence attached to an assessment of
// their jurisdiction (row-level security: another county's is not found). Each download is
// audited with the file's digest, as childcare's filed documents are (childcare/document-download.ts).

export function createEvidenceDownload(database: Database, keys: Keys) {
  return async (
    a: { user: SessionUser; clientIp: string },
    evaluationId: number,
    evidenceId: number,
  ): Promise<DownloadedFile> =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      const [row] = await tx.query<EncryptedFile & { itemCode: string }>(
        `SELECT e.file_name AS "fileName", e.media_type AS "mediaType", e.sha256, i.item_code AS "itemCode",
                e.content_cipher AS "contentCipher"
           FROM self_evaluation_evidence e JOIN self_evaluation_items i ON i.id = e.item_id
          WHERE e.id = $1 AND i.evaluation_id = $2`,
        [evidenceId, evaluationId],
      );
      if (!row) throw selfEvaluationError('selfEvaluation.notFound');
      return openEncryptedFile(tx, keys, row, {
        actor: a,
        field: 'selfEvaluationEvidence',
        action: 'selfEvaluation.downloadEvidence',
        targetType: 'selfEvaluation',
        targetId: String(evaluationId),
        details: { item: row.itemCode, evidenceId },
      });
    });
}
