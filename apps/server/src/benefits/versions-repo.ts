import type { ParameterOverride } from '@cradle/domain';
import type { Conn } from '../db/client.js';

/** The published versions of a scheme visible in the scope: its own and its ancestors' (row-level security). */
export async function publishedOverrides(tx: Conn, schemeCode: string): Promise<ParameterOverride[]> {
  const rows = await tx.query<{ jurisdiction_code: string; version: number; effective_from: string; values: ParameterOverride['values']; legal_basis: ParameterOverride['basis'] }>(
    `SELECT jurisdiction_code, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, values, legal_basis
     FROM scheme_versions WHERE scheme_code = $1 AND status = 'published' ORDER BY jurisdiction_code, version`,
    [schemeCode],
  );
  return rows.map((r) => ({ jurisdictionCode: r.jurisdiction_code, version: Number(r.version), effectiveFrom: r.effective_from, values: r.values, basis: r.legal_basis }));
}
