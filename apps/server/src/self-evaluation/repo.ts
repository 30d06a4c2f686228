import type { Conn } from '../db/client.js';

// SQL of the self-evaluation. Every function takes a connection inside withScope: row-level
// security limits each row to the jurisdiction that made the assessment.

export interface EvaluationRow {
  id: number;
  year: number;
  regionCode: string;
}
export interface ItemRow {
  id: number;
  itemCode: string;
  unitKey: string | null;
  ranking: string | null;
  surveyRespondents: number | null;
  surveyPositive: number | null;
  note: string | null;
  awardedPoints: number | null;
  rectificationTaskId: number | null;
}
export interface EvidenceRow {
  id: number;
  itemId: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedByName: string;
  createdAt: Date;
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function findEvaluation(tx: Conn, regionCode: string, year: number): Promise<EvaluationRow | null> {
  const [r] = await tx.query<{ id: number; year: number; region_code: string }>(
    'SELECT id, year, region_code FROM self_evaluations WHERE region_code = $1 AND year = $2',
    [regionCode, year],
  );
  return r ? { id: Number(r.id), year: Number(r.year), regionCode: r.region_code } : null;
}

export async function findEvaluationById(tx: Conn, id: number): Promise<EvaluationRow | null> {
  const [r] = await tx.query<{ id: number; year: number; region_code: string }>(
    'SELECT id, year, region_code FROM self_evaluations WHERE id = $1',
    [id],
  );
  return r ? { id: Number(r.id), year: Number(r.year), regionCode: r.region_code } : null;
}

/** Opens the year with one row per catalogue item; an existing assessment is left as it is. */
export async function insertEvaluation(
  tx: Conn,
  e: { year: number; regionCode: string; by: number; byName: string; itemCodes: readonly string[] },
): Promise<number | null> {
  const [created] = await tx.query<{ id: number }>(
    `INSERT INTO self_evaluations (year, region_code, opened_by, opened_by_name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (year, region_code) DO NOTHING RETURNING id`,
    [e.year, e.regionCode, e.by, e.byName],
  );
  if (!created) return null;
  await tx.query(
    `INSERT INTO self_evaluation_items (evaluation_id, region_code, item_code) SELECT $1, $2, unnest($3::text[])`,
    [created.id, e.regionCode, e.itemCodes],
  );
  return Number(created.id);
}

export async function listItems(tx: Conn, evaluationId: number): Promise<ItemRow[]> {
  const rows = await tx.query(
    `SELECT id, item_code, unit_key, ranking, survey_respondents, survey_positive, note, awarded_points,
            rectification_task_id FROM self_evaluation_items WHERE evaluation_id = $1`,
    [evaluationId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    itemCode: String(r.item_code),
    unitKey: (r.unit_key as string | null) ?? null,
    ranking: (r.ranking as string | null) ?? null,
    surveyRespondents: n(r.survey_respondents),
    surveyPositive: n(r.survey_positive),
    note: (r.note as string | null) ?? null,
    awardedPoints: n(r.awarded_points),
    rectificationTaskId: n(r.rectification_task_id),
  }));
}

export async function updateItem(
  tx: Conn,
  id: number,
  v: Omit<ItemRow, 'id' | 'itemCode' | 'rectificationTaskId'>,
  by: number,
): Promise<void> {
  await tx.query(
    `UPDATE self_evaluation_items SET unit_key = $2, ranking = $3, survey_respondents = $4, survey_positive = $5,
       note = $6, awarded_points = $7, updated_by = $8, updated_at = now() WHERE id = $1`,
    [id, v.unitKey, v.ranking, v.surveyRespondents, v.surveyPositive, v.note, v.awardedPoints, by],
  );
}

export async function setRectificationTask(tx: Conn, itemId: number, taskId: number): Promise<void> {
  await tx.query('UPDATE self_evaluation_items SET rectification_task_id = $2 WHERE id = $1', [itemId, taskId]);
}

export async function listEvidence(tx: Conn, evaluationId: number): Promise<EvidenceRow[]> {
  const rows = await tx.query(
    `SELECT e.id, e.item_id, e.file_name, e.media_type, e.size_bytes, e.uploaded_by_name, e.created_at
       FROM self_evaluation_evidence e JOIN self_evaluation_items i ON i.id = e.item_id
      WHERE i.evaluation_id = $1 ORDER BY e.id`,
    [evaluationId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    itemId: Number(r.item_id),
    fileName: String(r.file_name),
    mediaType: String(r.media_type),
    sizeBytes: Number(r.size_bytes),
    uploadedByName: String(r.uploaded_by_name),
    createdAt: new Date(r.created_at as string),
  }));
}

export async function insertEvidence(
  tx: Conn,
  e: {
    itemId: number;
    regionCode: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    contentCipher: Buffer;
    by: number;
    byName: string;
  },
): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO self_evaluation_evidence (item_id, region_code, file_name, media_type, size_bytes, sha256, content_cipher,
       uploaded_by, uploaded_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [e.itemId, e.regionCode, e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.contentCipher, e.by, e.byName],
  );
  return Number(r!.id);
}

export async function listRules(tx: Conn, regionCode: string): Promise<{ itemCode: string; maxPoints: number }[]> {
  const rows = await tx.query<{ item_code: string; max_points: number }>(
    'SELECT item_code, max_points FROM self_evaluation_scoring_rules WHERE region_code = $1',
    [regionCode],
  );
  return rows.map((r) => ({ itemCode: r.item_code, maxPoints: Number(r.max_points) }));
}

export async function replaceRules(
  tx: Conn,
  regionCode: string,
  source: string,
  rules: readonly { itemCode: string; maxPoints: number }[],
  by: number,
): Promise<void> {
  await tx.query('DELETE FROM self_evaluation_scoring_rules WHERE region_code = $1', [regionCode]);
  await tx.query(
    `INSERT INTO self_evaluation_scoring_rules (region_code, item_code, max_points, source, loaded_by)
     SELECT $1, c, p, $2, $3 FROM unnest($4::text[], $5::int[]) AS r(c, p)`,
    [regionCode, source, by, rules.map((r) => r.itemCode), rules.map((r) => r.maxPoints)],
  );
}
