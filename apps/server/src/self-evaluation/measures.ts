import type { EvaluationMetric, LiveValue } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { majorIncidentsIn } from '../childcare/index.js';

// The items Cradle measures itself (003 三(二)(三)(六); REQUIREMENTS C5 "items fill themselves
// where Cradle has the data"). Registry quality comes from the dashboard (docs/data-quality.md);
// the rest is read here, each in one statement, in the caller's scoped transaction.

const value = (v: number, numerator?: number, denominator?: number): LiveValue => ({
  kind: 'value',
  value: v,
  numerator,
  denominator,
});
const ratio = (num: number, den: number): LiveValue => (den > 0 ? value(num / den, num, den) : { kind: 'noData' });

/**
 * Slots per 1,000 residents (003 三(三) 千人口托位数): capacity of the classes in each filed
 * institution's version in force, over the registry's residents. Read from the filings directly
 * (the scorecard's slot indicators are another helper's; one small function to swap later).
 */
export async function slotsAndEnrolment(
  tx: Conn,
  region: string,
  today: string,
): Promise<{ slots: number; enrolled: number; underThree: number }> {
  const [r] = await tx.query<{ slots: number; enrolled: number; under3: number }>(
    `SELECT coalesce(sum(c.capacity), 0)::int AS slots, coalesce(sum(c.enrolled), 0)::int AS enrolled,
            (SELECT coalesce(sum(n), 0)::int FROM living_counts
              WHERE region_code = $1 AND birth_date > ($2::date - interval '3 years')) AS under3
       FROM childcare_institutions i
       JOIN childcare_filings f ON f.institution_id = i.id AND f.version = i.filed_version
       JOIN childcare_classes c ON c.filing_id = f.id
      WHERE i.status = 'filed' AND i.region_code LIKE $1 || '%'`,
    [region, today],
  );
  return { slots: Number(r?.slots ?? 0), enrolled: Number(r?.enrolled ?? 0), underThree: Number(r?.under3 ?? 0) };
}

/** A table another module adds: read only where this deployment has it. */
async function hasTable(tx: Conn, name: string): Promise<boolean> {
  const [r] = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]);
  return Boolean(r?.t);
}

/**
 * "近三年无重大安全事故发生" (003 三(三)): major and especially major incidents in the assessed year
 * and the two before, from childcare supervision's incident log (the same answer as GET
 * /api/childcare/safety-record; reading: 重大 = the two highest grades).
 */
async function majorIncidents(tx: Conn, region: string, year: number): Promise<LiveValue> {
  return value((await majorIncidentsIn(tx, region, year)).majorIncidents.length);
}

/** Joint meetings held in the year (003 三(三) "定期研究"), from the supervision module's register. */
async function jointMeetings(tx: Conn, region: string, year: number): Promise<LiveValue> {
  if (!(await hasTable(tx, 'supervision_meetings'))) return { kind: 'noSource' };
  const [r] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM supervision_meetings WHERE region_code LIKE $1 || '%'
        AND held_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)`,
    [region, year],
  );
  return value(Number(r?.n ?? 0));
}

/** Confirmed special-family files, and how many have a worker and a family doctor as contacts. */
async function specialFamilies(tx: Conn, region: string) {
  const [r] = await tx.query<{ files: number; workers: number; doctors: number }>(
    `SELECT count(*)::int AS files,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM special_family_contacts c WHERE c.file_id = f.id
                                            AND c.role = 'worker' AND c.ended_at IS NULL))::int AS workers,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM special_family_contacts c WHERE c.file_id = f.id
                                            AND c.role = 'doctor' AND c.ended_at IS NULL))::int AS doctors
       FROM special_family_files f WHERE f.status = 'confirmed' AND f.region_code LIKE $1 || '%'`,
    [region],
  );
  return { files: Number(r?.files ?? 0), workers: Number(r?.workers ?? 0), doctors: Number(r?.doctors ?? 0) };
}

export interface RegistryQuality {
  coverage: number | null;
  accuracy: number | null;
  timeliness: number | null;
  residents: number;
}

export async function measureAll(
  tx: Conn,
  region: string,
  year: number,
  today: string,
  quality: RegistryQuality,
): Promise<Map<EvaluationMetric, LiveValue>> {
  const q = (v: number | null): LiveValue => (v === null ? { kind: 'noData' } : value(v));
  const care = await slotsAndEnrolment(tx, region, today);
  const sf = await specialFamilies(tx, region);
  return new Map<EvaluationMetric, LiveValue>([
    ['registryCoverage', q(quality.coverage)],
    ['registryAccuracy', q(quality.accuracy)],
    ['registryTimeliness', q(quality.timeliness)],
    [
      'slotsPer1000',
      quality.residents > 0
        ? value((care.slots * 1000) / quality.residents, care.slots, quality.residents)
        : { kind: 'noData' },
    ],
    ['enrolmentRate', ratio(care.enrolled, care.underThree)],
    ['incidents', await majorIncidents(tx, region, year)],
    ['jointMeetings', await jointMeetings(tx, region, year)],
    ['specialFamilyFiles', value(sf.files)],
    ['specialFamilyContacts', ratio(sf.workers, sf.files)],
    ['specialFamilyDoctors', ratio(sf.doctors, sf.files)],
  ]);
}
