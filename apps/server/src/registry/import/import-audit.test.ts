import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/index.js';
import { createImportService, type ImportService } from './service.js';
import { importTestContext, person, tempDir, user, writeCsv, type ImportTestContext } from './test-files.js';
import type { ImportJob } from './types.js';

let ctx: ImportTestContext;
let service: ImportService;
let dir: string;
let removeDir: () => Promise<void>;
let job: ImportJob;

const rows = [person(0), person(1), person(2, { 性别: null }), person(3), person(4)];

beforeAll(async () => {
  ctx = await importTestContext();
  // Batches of two rows: three batches, the second with the invalid row.
  service = createImportService({ ...ctx, batchRows: 2 });
  ({ dir, remove: removeDir } = await tempDir());
  const file = await writeCsv(dir, 'audited.csv', rows);
  job = await service.run({
    filePath: file,
    fileName: 'audited.csv',
    format: 'csv',
    user: user('533423'),
    clientIp: '10.0.0.7',
  });
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

interface AuditRow {
  seq: number;
  action: string;
  target_type: string;
  target_id: string;
  outcome: string;
  username: string | null;
  jurisdiction_code: string | null;
  client_ip: string | null;
  details: Record<string, unknown>;
}
const auditOf = (jobId: number) =>
  ctx.database.query<AuditRow>(
    `SELECT seq, action, target_type, target_id, outcome, username, jurisdiction_code, client_ip, details
     FROM audit_log WHERE target_type = 'importJob' AND target_id = $1 ORDER BY seq`,
    [String(jobId)],
  );

describe('the audit trail of an import', () => {
  it('records queuing, every committed batch with its counts, and the end, in that order', async () => {
    expect(job).toMatchObject({ status: 'done', inserted: 4, invalidRows: 1 });
    const audit = await auditOf(job.id);
    expect(audit.map((a) => a.action)).toEqual([
      'registry.importStart',
      'registry.importBatch',
      'registry.importBatch',
      'registry.importBatch',
      'registry.import',
    ]);
    expect(audit[0]).toMatchObject({
      outcome: 'success',
      username: 'test',
      jurisdiction_code: '533423',
      client_ip: '10.0.0.7',
      details: { fileName: 'audited.csv', format: 'csv' },
    });
    expect(audit.slice(1, 4).map((a) => a.details)).toEqual([
      { rows: 2, inserted: 2, updated: 0, unchanged: 0, invalid: 0 },
      { rows: 2, inserted: 1, updated: 0, unchanged: 0, invalid: 1 },
      { rows: 1, inserted: 1, updated: 0, unchanged: 0, invalid: 0 },
    ]);
    for (const a of audit.slice(1, 4))
      expect(a).toMatchObject({
        target_type: 'importJob',
        outcome: 'success',
        username: 'test',
        client_ip: '10.0.0.7',
      });
  });

  it('never writes an ID number into the audit log, and keeps the chain intact', async () => {
    const text = JSON.stringify(await auditOf(job.id));
    for (const r of rows) expect(text).not.toContain(r[1] as string);
    expect((await verifyAuditChain(ctx.database)).ok).toBe(true);
  });

  it('records a failure for each job a restart interrupted', async () => {
    const queued = await ctx.database.query<{ id: number }>(
      `INSERT INTO import_jobs (user_id, jurisdiction_code, file_name, format, status, processed_rows, inserted)
       VALUES (NULL, '533423101', 'left-queued.csv', 'csv', 'queued', 0, 0), (NULL, '533423102', 'left-running.xlsx', 'xlsx', 'running', 5000, 4990)
       RETURNING id`,
    );
    expect(await service.failInterrupted()).toBe(2);
    for (const { id } of queued) {
      const audit = await auditOf(Number(id));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'registry.import',
        outcome: 'failure',
        details: { failureCode: 'import.interrupted' },
      });
    }
    const running = (await auditOf(Number(queued[1]!.id)))[0]!;
    expect(running).toMatchObject({
      jurisdiction_code: '533423102',
      details: { fileName: 'left-running.xlsx', processedRows: 5000, inserted: 4990 },
    });
    expect(await service.failInterrupted()).toBe(0);
    expect((await verifyAuditChain(ctx.database)).ok).toBe(true);
  });
});
