import type { ParameterValue } from '@cradle/domain';
import type { ParameterOverride } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { VersionView } from '@cradle/contract';

/** The published versions of a scheme visible in the scope: its own and its ancestors' (row-level security). */
export async function publishedOverrides(tx: Conn, schemeCode: string): Promise<ParameterOverride[]> {
  const rows = await tx.query<{
    jurisdiction_code: string;
    version: number;
    effective_from: string;
    values: ParameterOverride['values'];
    legal_basis: ParameterOverride['basis'];
  }>(
    `SELECT jurisdiction_code, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, values, legal_basis
     FROM scheme_versions WHERE scheme_code = $1 AND status = 'published' ORDER BY jurisdiction_code, version`,
    [schemeCode],
  );
  return rows.map((r) => ({
    jurisdictionCode: r.jurisdiction_code,
    version: Number(r.version),
    effectiveFrom: r.effective_from,
    values: r.values,
    basis: r.legal_basis,
  }));
}

type VersionRow = {
  id: number;
  jurisdiction_code: string;
  version: number;
  effective_from: string;
  values: Record<string, ParameterValue>;
  legal_basis: { document: string; clause: string };
  status: VersionView['status'];
  created_by: number | null;
  published_at: Date | null;
};
const VERSION_COLUMNS =
  "id, jurisdiction_code, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, values, legal_basis, status, created_by, published_at";
const toVersion = (r: VersionRow): VersionView => ({
  id: Number(r.id),
  jurisdictionCode: r.jurisdiction_code,
  version: Number(r.version),
  effectiveFrom: r.effective_from,
  values: r.values,
  legalBasis: r.legal_basis,
  status: r.status,
  createdBy: r.created_by === null ? null : Number(r.created_by),
  publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
});

export async function listVersions(tx: Conn, schemeCode: string): Promise<VersionView[]> {
  const rows = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM scheme_versions WHERE scheme_code = $1 ORDER BY jurisdiction_code, version`,
    [schemeCode],
  );
  return rows.map(toVersion);
}

export async function findVersion(tx: Conn, schemeCode: string, id: number): Promise<VersionView | null> {
  const rows = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM scheme_versions WHERE scheme_code = $1 AND id = $2`,
    [schemeCode, id],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/** A new draft, numbered after the jurisdiction's last version of the scheme (the unique index settles a race). */
export async function insertVersion(
  tx: Conn,
  schemeCode: string,
  d: {
    jurisdictionCode: string;
    effectiveFrom: string;
    values: Record<string, unknown>;
    legalBasis: { document: string; clause: string };
  },
  userId: number,
): Promise<VersionView> {
  const rows = await tx.query<VersionRow>(
    `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status, created_by)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4::jsonb, $5::jsonb, 'draft', $6 FROM scheme_versions WHERE scheme_code = $1 AND jurisdiction_code = $2
     RETURNING ${VERSION_COLUMNS}`,
    [schemeCode, d.jurisdictionCode, d.effectiveFrom, JSON.stringify(d.values), JSON.stringify(d.legalBasis), userId],
  );
  return toVersion(rows[0]!);
}

export async function setVersionStatus(
  tx: Conn,
  id: number,
  status: VersionView['status'],
  userId: number,
): Promise<VersionView> {
  const rows = await tx.query<VersionRow>(
    `UPDATE scheme_versions SET status = $2,
       reviewed_by = CASE WHEN $2 = 'published' THEN $3 ELSE reviewed_by END,
       published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
     WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
    [id, status, userId],
  );
  return toVersion(rows[0]!);
}
