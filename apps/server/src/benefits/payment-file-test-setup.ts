import { maskIdNumber } from '@cradle/domain';
import { totpAt } from '../auth/index.js';
import { createPii } from '../crypto/pii.js';
import { syntheticId } from '../registry/import/test-files.js';
import { as, type Session, type TestApp } from '../test/app.js';

// Test support for the payment-file tests: children who get the Yunnan birth grant, a complete
// batch run through the API by finance, and fresh step-up codes.

export interface GrantChild {
  id: number;
  name: string;
  idNumber: string;
  amountFen: number;
}

/** Children born in 2024 with hukou in 保和镇's first village: a second child (2,000 yuan) and a third (5,000 yuan). */
export async function insertGrantChildren(t: TestApp): Promise<GrantChild[]> {
  const pii = createPii(t.keys);
  const children = [
    { name: '和支付二', birth: '2024-04-02', parity: 2, seq: 902, amountFen: 200000 },
    { name: '余支付三', birth: '2024-09-30', parity: 3, seq: 903, amountFen: 500000 },
  ];
  const out: GrantChild[] = [];
  try {
    for (const c of children) {
      const idNumber = syntheticId('533423', c.birth.replaceAll('-', ''), c.seq);
      const rows = await t.database.query<{ id: number }>(
        `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
         VALUES ($1, 'female', $2, 'resident', $3, $4, $5, '533423101001', '533423101001', $6, 'test', '') RETURNING id`,
        [c.name, c.birth, pii.encryptIdNumber(idNumber), pii.idBlindIndex(idNumber), maskIdNumber(idNumber), c.parity],
      );
      out.push({ id: Number(rows[0]!.id), name: c.name, idNumber, amountFen: c.amountFen });
    }
  } finally {
    await pii.close();
  }
  return out;
}

/** Runs the birth grant's one-time cycle as finance and waits for its batch to complete. */
export async function completeGrantBatch(
  t: TestApp,
  finance: Session,
): Promise<{ id: number; paymentCount: number; totalFen: number }> {
  const started = await t.app.inject({
    method: 'POST',
    url: '/api/payment-cycles',
    payload: { scheme: 'yunnan.birthGrant', period: 'once' },
    ...as(finance),
  });
  if (started.statusCode !== 202) throw new Error(`cycle: ${started.statusCode} ${started.body}`);
  let batch = started.json();
  for (let i = 0; i < 200 && batch.status !== 'complete'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    batch = (await t.app.inject({ method: 'GET', url: `/api/payment-batches/${batch.id}`, ...as(finance) })).json();
  }
  if (batch.status !== 'complete') throw new Error('the cycle did not complete');
  return batch;
}

/**
 * The second pair of eyes: the county administrator publishes the batch's 7-day notice, the
 * test's clock moves past it, and the administrator (who did not run the cycle) approves it.
 */
export async function approveGrantBatch(t: TestApp, county: Session, batchId: number): Promise<void> {
  for (const step of ['notice', 'approve']) {
    if (step === 'approve') t.clock.advanceDays(8);
    const r = await t.app.inject({ method: 'POST', url: `/api/payment-batches/${batchId}/${step}`, ...as(county) });
    if (r.statusCode !== 200) throw new Error(`${step}: ${r.statusCode} ${r.body}`);
  }
}

const lastStep = new WeakMap<TestApp, number>();

/**
 * A finance TOTP code the server has not accepted yet (codes are good once, ±1 30-second step),
 * waiting for the next step when this window's are used; the previous step only with time to spare.
 */
export async function financeCode(t: TestApp): Promise<string> {
  const secret = t.users.find((u) => u.username === 'finance')!.totpSecret!;
  for (;;) {
    const ms = Date.now();
    const now = Math.floor(ms / 30_000);
    const left = 30_000 - (ms % 30_000);
    const step = Math.max(left > 10_000 ? now - 1 : now, (lastStep.get(t) ?? -Infinity) + 1);
    if (step <= now + 1) {
      lastStep.set(t, step);
      return totpAt(secret, step * 30_000);
    }
    await new Promise((r) => setTimeout(r, left + 100));
  }
}

/** A six-digit code that is none of finance's valid ones right now. */
export function wrongCode(t: TestApp): string {
  const secret = t.users.find((u) => u.username === 'finance')!.totpSecret!;
  const now = Math.floor(Date.now() / 30_000);
  const valid = new Set([-1, 0, 1, 2].map((d) => totpAt(secret, (now + d) * 30_000)));
  return ['000000', '111111', '222222'].find((c) => !valid.has(c))!;
}

/** The rows of a CSV payment file as text cells (our writer: BOM, CRLF, quotes only where needed). */
export function csvRows(body: Buffer): string[][] {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}
