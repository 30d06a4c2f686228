import type { SpecialFamilyCoverageMeasure } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { monthDate, type MonthIndex } from './counts-repo.js';

// The special-family register's "三个全覆盖" counts (001 m23; issue 16) at given month boundaries:
// per asked region (its subtree) and moment, the files confirmed in force then, and those of them
// with both 双岗 contacts serving, a green channel and a family doctor contract recorded before it.
// The register is small (a county holds hundreds of files), so it is read directly, not kept in a
// counts table. Under the caller's scope: row-level security limits it to the jurisdiction.

export interface SpecialFamilyCoverageRow {
  region: string;
  /** The moment, as a month index: the first day of that month (a period's exclusive end). */
  at: number;
  confirmed_files: number;
  with_dual_contacts: number;
  with_green_channel: number;
  with_family_doctor: number;
}

export function specialFamilyCoverage(conn: Conn, regions: readonly string[], ats: readonly MonthIndex[]) {
  return conn.query<SpecialFamilyCoverageRow>(
    `WITH moments AS (SELECT a.at, a.day::date AS day FROM unnest($2::int[], $3::text[]) a(at, day)),
     files AS (
       SELECT m.at, f.id, f.region_code FROM moments m JOIN special_family_files f ON true
         CROSS JOIN LATERAL (SELECT sc.status FROM special_family_status_changes sc
           WHERE sc.file_id = f.id AND sc.effective_from <= m.day ORDER BY sc.version DESC LIMIT 1) st
        WHERE st.status = 'confirmed' AND f.region_code LIKE ANY (SELECT unnest($1::text[]) || '%')),
     marked AS (
       SELECT x.at, x.region_code,
         (SELECT count(DISTINCT c.role) = 2 FROM special_family_contacts c
           WHERE c.file_id = x.id AND c.role IN ('worker', 'doctor') AND c.created_at < m.day
             AND (c.ended_at IS NULL OR c.ended_at >= m.day)) AS dual,
         EXISTS (SELECT 1 FROM special_family_services s WHERE s.file_id = x.id AND s.kind = 'greenChannel'
           AND s.service_date < m.day) AS green,
         EXISTS (SELECT 1 FROM special_family_services s WHERE s.file_id = x.id AND s.kind = 'familyDoctorContract'
           AND s.service_date < m.day) AS doctor
       FROM files x JOIN moments m ON m.at = x.at)
     SELECT r.code AS region, k.at, count(k.at)::int AS confirmed_files,
       (count(*) FILTER (WHERE k.dual))::int AS with_dual_contacts,
       (count(*) FILTER (WHERE k.green))::int AS with_green_channel,
       (count(*) FILTER (WHERE k.doctor))::int AS with_family_doctor
       FROM unnest($1::text[]) r(code) CROSS JOIN moments m
       LEFT JOIN marked k ON k.at = m.at AND k.region_code LIKE r.code || '%'
      GROUP BY 1, 2`,
    [regions, ats, ats.map(monthDate)],
  );
}

const COLUMN: Record<SpecialFamilyCoverageMeasure, Exclude<keyof SpecialFamilyCoverageRow, 'region' | 'at'>> = {
  confirmedFiles: 'confirmed_files',
  withDualContacts: 'with_dual_contacts',
  withGreenChannel: 'with_green_channel',
  withFamilyDoctor: 'with_family_doctor',
};

/** A measure at a period's end (`to`, exclusive: the register as it stood when the period closed). */
export function coverageAt(
  rows: readonly SpecialFamilyCoverageRow[],
  measure: SpecialFamilyCoverageMeasure,
  to: number,
) {
  const row = rows.find((r) => Number(r.at) === to);
  return row ? Number(row[COLUMN[measure]]) : 0;
}
