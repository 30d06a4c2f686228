import type { Database } from '../db/client.js';
import { FIRST_PREV, appendAnchorLine, makeAnchor, type Anchor, type AnchorStore } from './anchors.js';
import { checkAnchors } from './anchor-check.js';
import { finding, type Finding } from './findings.js';
import { findFirstBrokenEntry, insertAnchorRow, lockSealing } from './repo.js';

export interface SealResult {
  /** The anchor written, or undefined when nothing was new or something was wrong. */
  sealed: Anchor | undefined;
  /** Why nothing was sealed: a sealer never vouches for a log that fails its checks. */
  findings: Finding[];
}

/**
 * Seals the entries since the last anchor: checks the anchors and the chain after the last one,
 * then writes an anchor for the newest entry to audit_anchors and to the file. The row and the
 * line are written in one transaction, the line (fsynced) before COMMIT.
 */
export async function sealAuditLog(database: Database, store: AnchorStore, now = new Date()): Promise<SealResult> {
  return database.transaction(async (tx) => {
    await lockSealing(tx);
    const check = await checkAnchors(tx, store);
    if (check.findings.length) return { sealed: undefined, findings: check.findings };
    const { last, tip } = check;
    if (!tip || (last && tip.seq <= last.seq)) return { sealed: undefined, findings: [] };
    const broken = await findFirstBrokenEntry(tx, last ?? undefined);
    if (broken) return { sealed: undefined, findings: [finding.chain(broken)] };
    const anchor = makeAnchor(store.key, last?.mac ?? FIRST_PREV, tip.seq, tip.hash, now);
    await insertAnchorRow(tx, { ...anchor, prevMac: anchor.prev });
    await appendAnchorLine(store.file, anchor);
    return { sealed: anchor, findings: [] };
  });
}

/**
 * Seals every `everyMs` until stopped (the server's, started and stopped with the app): the window
 * in which the newest entries can be removed without a trace is at most this long.
 */
export function startAuditSealer(
  database: Database,
  store: AnchorStore,
  everyMs: number,
  log: { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = sealAuditLog(database, store).then(
      (r) => {
        if (r.findings.length)
          log.warn({ findings: r.findings.map((f) => f.message.en) }, 'audit log not sealed: verification fails');
      },
      (err: unknown) => log.error({ err }, 'audit sealing failed'),
    );
    void running.then(schedule);
  };
  const schedule = () => {
    if (!stopped) timer = setTimeout(tick, everyMs).unref();
  };
  if (everyMs > 0) schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
