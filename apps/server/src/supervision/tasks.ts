import type { Conn } from '../db/client.js';
import { insertTaskUnits } from './seed.js';
import { insertTask, type NewTask } from './repo.js';

/**
 * Creates a key task with its units, in the caller's transaction (inside withScope): a meeting's
 * decision, a self-evaluation's gap, or one the office adds. Units are the directory's ids; the
 * caller checks they exist (listUnits) and audits. The public call for other modules (HANDOFF.md).
 */
export async function createKeyTask(
  tx: Conn,
  input: NewTask & {
    leadUnitIds: readonly number[];
    supportUnitIds?: readonly number[];
    implementingUnitIds?: readonly number[];
  },
  names: ReadonlyMap<number, string>,
): Promise<number> {
  const id = await insertTask(tx, input);
  const rows: unknown[][] = [];
  const add = (ids: readonly number[] | undefined, role: string) => {
    for (const u of ids ?? []) rows.push([id, u, role, input.regionCode, rows.length, names.get(u) ?? '', null]);
  };
  add(input.leadUnitIds, 'lead');
  add(input.supportUnitIds, 'support');
  add(input.implementingUnitIds, 'implementing');
  await insertTaskUnits(tx, rows);
  return id;
}
