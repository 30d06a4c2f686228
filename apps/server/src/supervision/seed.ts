import {
  parseResponsibility,
  resolveUnitName,
  townshipUnitKey,
  WEIXI_KEY_TASKS,
  WEIXI_PLAN,
  WEIXI_SEATS_SINCE,
  WEIXI_UNITS,
} from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';

// Loads 维西's directory and 004's annexes once, as the deployment's own data (like the region
// tree): the county's 38 units with their seats, one unit per township, the plan and its 31
// tasks with every unit's role. Groups expand to the members they had when the plan was loaded.

interface UnitRef {
  id: number;
  key: string;
  name: string;
  aliases: string[];
}

/** Loads the seeds' directory and tasks for 维西 when the scope covers it and they are missing. */
export async function ensureSupervisionSeed(database: Database, scopeCode: string): Promise<{ tasks: number }> {
  const county = WEIXI_PLAN.countyCode;
  if (!county.startsWith(scopeCode) && !scopeCode.startsWith(county)) return { tasks: 0 };
  return database.transaction(async (tx) => {
    const have = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM supervision_plans WHERE region_code = $1',
      [county],
    );
    if (Number(have[0]!.n) > 0) {
      await addMissingUnits(tx, county);
      return { tasks: 0 };
    }
    const units = await loadUnits(tx, county);
    const [plan] = await tx.query<{ id: number }>(
      `INSERT INTO supervision_plans (region_code, key, title, document_no, issued_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::int AS id`,
      [county, WEIXI_PLAN.key, WEIXI_PLAN.title, WEIXI_PLAN.documentNo, WEIXI_PLAN.issuedOn, WEIXI_PLAN.endsOn],
    );
    const members = units.filter((u) => u.member);
    const townships = units.filter((u) => u.key.startsWith('township.'));
    for (const t of WEIXI_KEY_TASKS) {
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO supervision_tasks (region_code, plan_id, source, number, section, clause, text, responsibility,
           due_on, due_basis, recurrence)
         VALUES ($1, $2, 'plan', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int AS id`,
        [
          county,
          plan!.id,
          t.number,
          t.section,
          t.clause,
          t.text,
          t.responsibility,
          t.due?.on ?? WEIXI_PLAN.endsOn,
          t.due ? 'text' : 'planEnd',
          t.due?.recurrence ?? null,
        ],
      );
      const rows: unknown[][] = [];
      const seen = new Set<string>();
      for (const e of parseResponsibility(t.responsibility)) {
        const targets =
          e.group === 'jointMeeting'
            ? members
            : e.group === 'townships'
              ? townships
              : [resolveUnitName(e.writtenAs, units)];
        for (const u of targets) {
          if (!u) throw new Error(`004 annex 2 #${t.number}: no unit "${e.writtenAs}"`);
          const k = `${u.id}:${e.role}`;
          if (seen.has(k)) continue;
          seen.add(k);
          rows.push([row!.id, u.id, e.role, county, rows.length, e.writtenAs, e.group ? e.writtenAs : null]);
        }
      }
      await insertTaskUnits(tx, rows);
    }
    return { tasks: WEIXI_KEY_TASKS.length };
  });
}

/**
 * A county loaded before a unit or a unit's department was added to WEIXI_UNITS (issue 14 added
 * 县应急管理局 and the fire-rescue and market-regulation departments) gets them, in one statement:
 * a unit it lacks is added (no seats: annex 1 is loaded once), a unit without a department gets
 * the seeds' one; a department the office set is kept.
 */
async function addMissingUnits(tx: Conn, county: string): Promise<void> {
  const rows = WEIXI_UNITS.map((u) => ({
    key: u.key,
    name: u.name,
    aliases: u.aliases,
    kind: u.kind,
    department: u.department ?? null,
  }));
  await tx.query(
    `INSERT INTO supervision_units (region_code, key, name, aliases, kind, department)
     SELECT $1, x.key, x.name, ARRAY(SELECT jsonb_array_elements_text(x.aliases)), x.kind, x.department
       FROM jsonb_to_recordset($2::jsonb) AS x(key text, name text, aliases jsonb, kind text, department text)
     ON CONFLICT (region_code, key) DO UPDATE SET department = coalesce(supervision_units.department, EXCLUDED.department)`,
    [county, JSON.stringify(rows)],
  );
}

async function loadUnits(tx: Conn, county: string): Promise<(UnitRef & { member: boolean })[]> {
  const out: (UnitRef & { member: boolean })[] = [];
  for (const u of WEIXI_UNITS) {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO supervision_units (region_code, key, name, aliases, kind, department)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (region_code, key) DO UPDATE SET name = EXCLUDED.name RETURNING id::int AS id`,
      [county, u.key, u.name, [...u.aliases], u.kind, u.department ?? null],
    );
    for (const s of u.seats)
      await tx.query(
        `INSERT INTO supervision_memberships (region_code, unit_id, position, post, since_on, note)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [county, row!.id, s.position, s.post, WEIXI_SEATS_SINCE, '004 附件1'],
      );
    out.push({
      id: row!.id,
      key: u.key,
      name: u.name,
      aliases: [...u.aliases],
      member: u.seats.some((s) => s.position === 'member'),
    });
  }
  const towns = await tx.query<{ code: string; name: string }>(
    'SELECT code, name FROM regions WHERE level = 4 AND parent_code = $1 ORDER BY code',
    [county],
  );
  for (const t of towns) {
    const key = townshipUnitKey(t.code);
    const name = `${t.name}党委、政府`;
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO supervision_units (region_code, key, name, aliases, kind)
       VALUES ($1, $2, $3, $4, 'township')
       ON CONFLICT (region_code, key) DO UPDATE SET name = EXCLUDED.name RETURNING id::int AS id`,
      [county, key, name, [t.name]],
    );
    out.push({ id: row!.id, key, name, aliases: [t.name], member: false });
  }
  return out;
}

export async function insertTaskUnits(tx: Conn, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const cols = ['task_id', 'unit_id', 'role', 'region_code', 'position', 'written_as', 'via_group'];
  const types = ['bigint', 'bigint', 'text', 'text', 'smallint', 'text', 'text'];
  await tx.query(
    `INSERT INTO supervision_task_units (${cols.join(', ')})
     SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    cols.map((_, i) => rows.map((r) => r[i])),
  );
}
