import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/index.js';
import { deriveKeys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { createTestDatabase, TEST_SCOPE } from '../test/db.js';
import { openEncryptedFile } from './index.js';

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup());

const keys = deriveKeys(randomBytes(32));
const user: SessionUser = {
  id: 7,
  username: 'county',
  displayName: '县卫健局',
  roles: ['countyAdmin'],
  jurisdictionCode: TEST_SCOPE,
  department: null,
};
const PDF = Buffer.from('%PDF-1.7\n营业执照\n', 'utf8');
const sha256 = createHash('sha256').update(PDF).digest('hex');
const stored = {
  fileName: '营业执照.pdf',
  mediaType: 'application/pdf',
  sha256,
  contentCipher: encryptField(keys.piiEncryption, 'childcareDocument', PDF.toString('base64')),
};
const audit = {
  actor: { user, clientIp: '10.0.0.9' },
  field: 'childcareDocument',
  action: 'childcare.downloadDocument',
  targetType: 'childcareDocument',
  targetId: '41',
  details: { institutionId: 3 },
};

describe('openEncryptedFile', () => {
  it('gives the file back as uploaded and audits the download with its digest', async () => {
    const file = await withScope(database, user, (tx) => openEncryptedFile(tx, keys, stored, audit));
    expect(file).toEqual({ fileName: '营业执照.pdf', mediaType: 'application/pdf', content: PDF });
    const rows = await database.query(
      `SELECT user_id::int AS "userId", username, client_ip AS "clientIp", target_type AS "targetType",
              target_id AS "targetId", outcome, details
         FROM audit_log WHERE action = 'childcare.downloadDocument'`,
    );
    expect(rows).toEqual([
      {
        userId: 7,
        username: 'county',
        clientIp: '10.0.0.9',
        targetType: 'childcareDocument',
        targetId: '41',
        outcome: 'success',
        details: { institutionId: 3, sha256 },
      },
    ]);
  });

  it('refuses content sealed under another field, and audits nothing', async () => {
    const before = await database.query('SELECT seq FROM audit_log');
    await expect(
      withScope(database, user, (tx) =>
        openEncryptedFile(tx, keys, stored, { ...audit, field: 'selfEvaluationEvidence' }),
      ),
    ).rejects.toThrow();
    expect(await database.query('SELECT seq FROM audit_log')).toHaveLength(before.length);
  });
});
