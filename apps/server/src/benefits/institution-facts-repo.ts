import type { InstitutionFacts } from '@cradle/domain';
import type { Conn } from '../db/client.js';

// What a scheme paid to an institution sees of it (issue 14): the version the county filed last on
// or before the day judged, and whether it is closed by then (as the scorecard's slots,
// monitoring/slots-repo.ts: a closure version or the status closed from closed_on counts none).

export interface InstitutionRow extends InstitutionFacts {
  regionCode: string;
}

export async function institutionFactsOn(tx: Conn, prefix: string, day: string): Promise<InstitutionRow[]> {
  const rows = await tx.query<{
    id: string;
    name: string;
    region_code: string;
    filing_no: string | null;
    version: number | null;
    kind: string | null;
    content: { name?: string; slots?: number; affordableSlots?: number } | null;
    closed: boolean;
  }>(
    `SELECT i.id, i.name, i.region_code, i.filing_no, f.version, f.kind, f.content,
            (i.status = 'closed' AND (i.closed_on IS NULL OR i.closed_on <= $2::date)) AS closed
       FROM childcare_institutions i
       LEFT JOIN LATERAL (
         SELECT version, kind, content FROM childcare_filings
          WHERE institution_id = i.id AND state = 'filed' AND decided_on <= $2::date
          ORDER BY version DESC LIMIT 1) f ON true
      WHERE i.region_code LIKE $1
      ORDER BY i.id`,
    [`${prefix}%`, day],
  );
  return rows.map((r) => {
    const inForce = r.version !== null && r.kind !== 'closure' && !r.closed;
    return {
      id: Number(r.id),
      name: r.content?.name ?? r.name,
      regionCode: r.region_code,
      filingNo: r.filing_no,
      asOf: day,
      filed: inForce,
      version: inForce ? r.version : null,
      slots: inForce ? Number(r.content?.slots ?? 0) : 0,
      affordableSlots: inForce ? Number(r.content?.affordableSlots ?? 0) : 0,
    };
  });
}
