import type { Conn } from '../db/client.js';
import { FIRST_PREV, isSigned, readAnchorFile, type Anchor, type AnchorStore } from './anchors.js';
import { finding, type Finding } from './findings.js';
import { findEntryHashes, findLastEntry, findMissingSeqs, listAnchorRows } from './repo.js';

export interface AnchorCheck {
  findings: Finding[];
  /** Every signed anchor, from the file and the table, by seq. */
  anchors: Anchor[];
  /** The anchor the next one chains to: the file's last line (undefined: nothing sealed yet). */
  last: Anchor | undefined;
  /** The newest entry in the log. */
  tip: { seq: number; hash: string } | undefined;
}

/**
 * Checks the anchors against the log: the file's lines are signed and chained; the table and the
 * file hold the same anchors; and the entry each signed anchor vouches for is there with its hash
 * (missing past the log's end: truncation; else the log was rewritten and re-chained).
 */
export async function checkAnchors(conn: Conn, store: AnchorStore): Promise<AnchorCheck> {
  const findings: Finding[] = [];
  const file = await readAnchorFile(store.file);
  const fileAnchors: Anchor[] = [];
  let prev = FIRST_PREV;
  for (const { line, anchor } of file.lines) {
    if (!anchor || !isSigned(store.key, anchor)) {
      findings.push(finding.forged(store.file, line));
      continue;
    }
    if (anchor.prev !== prev) findings.push(finding.outOfOrder(line));
    prev = anchor.mac;
    fileAnchors.push(anchor);
  }

  const tableAnchors: Anchor[] = [];
  (await listAnchorRows(conn)).forEach((r, i) => {
    const a = { seq: Number(r.seq), hash: r.hash, at: new Date(r.at).toISOString(), prev: r.prevMac, mac: r.mac };
    if (isSigned(store.key, a)) tableAnchors.push(a);
    else findings.push(finding.forged('audit_anchors', i + 1));
  });
  const inFile = new Set(fileAnchors.map((a) => a.mac));
  const inTable = new Set(tableAnchors.map((a) => a.mac));
  const notInFile = tableAnchors.filter((a) => !inFile.has(a.mac));
  const notInTable = fileAnchors.filter((a) => !inTable.has(a.mac));
  if (notInFile.length && !file.exists)
    findings.push(finding.fileMissing(store.file, notInFile.length, notInFile.at(-1)!));
  else if (notInFile.length) findings.push(finding.fileBehind(notInFile.length, notInFile[0]!));
  if (notInTable.length) findings.push(finding.tableBehind(notInTable.length, notInTable[0]!));

  // Either copy vouches: an attacker must remove an anchor from both to hide a change it covers.
  const anchors = [...fileAnchors, ...notInFile].sort((a, b) => a.seq - b.seq);
  const tip = await findLastEntry(conn);
  const end = tip?.seq ?? 0;
  const beyond = anchors.filter((a) => a.seq > end);
  if (beyond.length) findings.push(finding.truncated(end, beyond.at(-1)!, beyond.length));

  const hashes = await findEntryHashes(
    conn,
    anchors.filter((a) => a.seq <= end).map((a) => a.seq),
  );
  let vouched = 0;
  for (const a of anchors) {
    if (a.seq > end) break;
    const hash = hashes.get(a.seq);
    if (hash === a.hash) {
      vouched = a.seq;
      continue;
    }
    const missing = await findMissingSeqs(conn, vouched + 1, a.seq);
    findings.push(finding.rewritten(vouched, a, missing, hash !== undefined));
    break;
  }
  return { findings, anchors, last: fileAnchors.at(-1), tip };
}
