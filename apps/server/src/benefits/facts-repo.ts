import type { BeneficiaryFacts, SpecialFamilyNeed } from '@cradle/domain';
import type { Conn } from '../db/client.js';

/**
 * What checkEligibility sees of a person the scope can see, or null. The special-family status is
 * the register's (issue 16): of the files naming the person as a parent, the latest status change
 * in force on `on`, a confirmed one first, cited by its file, version and start.
 */
export async function beneficiaryFacts(
  tx: Conn,
  personId: number,
  /** The day whose register status counts: a period's start; today when not given. */
  on: string | null = null,
): Promise<BeneficiaryFacts | null> {
  const rows = await tx.query<{
    birth_date: string;
    death_date: string | null;
    hukou_region_code: string;
    parity: number | null;
    sf_kind: 'bereaved' | 'disabledChild' | null;
    sf_status: string | null;
    sf_id: number | null;
    sf_version: number | null;
    sf_from: string | null;
    sf_needs: string[] | null;
  }>(
    `SELECT to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, to_char(p.death_date, 'YYYY-MM-DD') AS death_date, p.hukou_region_code, p.parity,
            sf.kind AS sf_kind, sf.status AS sf_status, sf.id AS sf_id, sf.version AS sf_version, sf.effective_from AS sf_from, sf.needs AS sf_needs
     FROM persons p LEFT JOIN LATERAL (
       SELECT f.id, f.kind, f.needs, st.status, st.version, st.effective_from::text AS effective_from FROM special_family_files f
         CROSS JOIN LATERAL (SELECT sc.status, sc.version, sc.effective_from FROM special_family_status_changes sc
                              WHERE sc.file_id = f.id AND sc.effective_from <= coalesce($2::date, current_date) ORDER BY sc.version DESC LIMIT 1) st
        WHERE f.mother_person_id = p.id OR f.father_person_id = p.id
        ORDER BY st.status = 'confirmed' DESC, f.id LIMIT 1) sf ON true
     WHERE p.id = $1`,
    [personId, on],
  );
  const r = rows[0];
  if (!r) return null;
  // The person's registered children as a parent (奖励扶助, 001 m21): birth date and sex only.
  const children = await tx.query<{ birth_date: string; sex: string }>(
    `SELECT DISTINCT k.id, to_char(k.birth_date, 'YYYY-MM-DD') AS birth_date, k.sex FROM relationships r
       JOIN persons k ON k.id = r.to_person_id WHERE r.from_person_id = $1 AND r.kind IN ('mother', 'father')`,
    [personId],
  );
  return {
    birthDate: r.birth_date,
    deathDate: r.death_date,
    hukouRegionCode: r.hukou_region_code,
    parity: r.parity === null ? null : Number(r.parity),
    // In the register, the register decides (eligibility-sql.ts, specialFamilyStatusSql).
    specialFamilyStatus: r.sf_status === 'confirmed' ? r.sf_kind : null,
    specialFamilyFile:
      r.sf_id === null ? null : { id: Number(r.sf_id), version: Number(r.sf_version), effectiveFrom: r.sf_from! },
    // The needs flagged on a confirmed file (004 (二十一) reads them: weixi.ts).
    specialFamilyNeeds: r.sf_status === 'confirmed' ? ((r.sf_needs ?? []) as SpecialFamilyNeed[]) : [],
    children: children.map((k) => ({ birthDate: k.birth_date, sex: k.sex })),
    declared: {},
  };
}
