// 001 (白银) lists its 23 measures with one 责任单位 list each and no lead/support split; the first
// unit named is read as the lead (a reading, REQUIREMENTS B6 and "Readings to mark": 001's
// first-listed unit read as lead; supervision README). Not loaded into a county: 白银 is another
// jurisdiction than the demo county; the data is here for a deployment there.

export interface MeasureSeed {
  number: number;
  /** 001 二(一)…(五). */
  section: string;
  text: string;
  /** The 责任单位 list as printed, the scrape's stray brackets included. */
  responsibility: string;
}

export interface MeasureUnits {
  /** The first unit named (a reading). */
  lead: string;
  others: string[];
  /** m16 ends with 等: the list is open. */
  open: boolean;
  /** What follows the list (m1's blanket for every county, m8's 按职责分工负责). */
  note: string | null;
}

/** Splits a measure's 责任单位 into units, the first read as lead; the scrape's stray ")" "]" dropped. */
export function measureUnits(responsibility: string): MeasureUnits {
  let list = responsibility.replace(/[)\]）】]+$/u, '');
  let note: string | null = null;
  const comma = list.search(/[,,]/u);
  if (comma >= 0) {
    note = list.slice(comma + 1);
    list = list.slice(0, comma);
  }
  const duty = list.indexOf('按职责分工负责');
  if (duty >= 0) {
    note = '按职责分工负责';
    list = list.slice(0, duty);
  }
  const open = list.endsWith('等');
  if (open) list = list.slice(0, -1);
  const units = list
    .split('、')
    .map((u) => u.trim())
    .filter(Boolean);
  return { lead: units[0]!, others: units.slice(1), open, note };
}
