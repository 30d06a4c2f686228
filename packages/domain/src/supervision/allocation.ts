// Seed 002 (云阳) prints its annex as 重点任务 | 牵头单位 | 配合单位: one lead per task, a supporting list
// (or none), and no deadline column (REQUIREMENTS B6). These types hold a row as printed; the
// parser splits the 配合单位 cell into names, which the unit directory resolves (yunyang-units.ts).

export interface AllocationTaskSeed {
  number: number;
  /** The group heading's numeral, 一…二十三. */
  group: string;
  text: string;
  /** The 牵头单位 cell as printed. */
  lead: string;
  /** The 配合单位 cell as printed, stray spaces included; null where the cell is empty. */
  support: string | null;
}

export interface AllocationGroup {
  numeral: string;
  /** The heading as printed, with the table's line-wrap spaces taken out. */
  title: string;
}

export interface AllocationUnits {
  lead: string;
  supports: string[];
  /** The cell ends with 等有关部门 (#1, #7, #10): the list is open. */
  open: boolean;
}

/** Splits a row's cells into names; the list separators are 、 and (once, #41) a comma. */
export function allocationUnits(task: Pick<AllocationTaskSeed, 'lead' | 'support'>): AllocationUnits {
  let cell = task.support ?? '';
  const open = cell.endsWith('等有关部门');
  if (open) cell = cell.slice(0, -'等有关部门'.length);
  const supports = cell
    .split(/[、,,]/u)
    .map((u) => u.trim())
    .filter(Boolean);
  return { lead: task.lead.trim(), supports, open };
}
