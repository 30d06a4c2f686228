import { chinaDateOf, periodOn } from '@cradle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, multipartFile, type Session, type TestApp } from '../test/app.js';
import { csvRows, financeCode } from './payment-file-test-setup.js';

// Issue 3, "Done when", through the API in a 白银 county (白银区, 620402): the county publishes
// its monthly amount, a village worker applies for a second child, the application passes
// review and public notice, finance runs the month's cycle, exports the file, imports a bank
// return with one failure, and the next month's cycle pays that one again.
let t: TestApp;
const s: Record<string, Session> = {};
let village: string;
let childId: number;
let otherId: number;
const thisMonth = periodOn('monthly', chinaDateOf(new Date()));
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  t = await createTestApp(200, '620402');
  for (const u of ['county', 'admin', 'village', 'township', 'finance']) s[u] = await login(t, u);
  village = t.users.find((u) => u.username === 'village')!.jurisdiction;
  const insert = async (name: string, birth: string) =>
    Number(
      (
        await t.database.query<{ id: number }>(
          `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
       VALUES ($1, 'female', $2, 'resident', $3, sha256(convert_to($1, 'UTF8')), '620402********0000', $4, $4, 2, 'test', '') RETURNING id`,
          [
            name,
            birth,
            (await import('../crypto/pii.js')).createPii(t.keys).encryptIdNumber('620402202401015025'),
            village,
          ],
        )
      )[0]!.id,
    );
  childId = await insert('白银二孩', '2024-06-15');
  otherId = await insert('白银二孩乙', '2024-09-01');
});
afterAll(() => t.close());

const post = (who: string, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, payload, ...as(s[who]!) });
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, ...as(s[who]!) });

async function approve(beneficiaryId: number): Promise<void> {
  const app = await post('village', '/api/applications', {
    scheme: 'baiyin.childcareSubsidy',
    beneficiaryId,
    applicantName: '母亲',
  });
  expect(app.statusCode).toBe(201);
  const id = app.json().id;
  expect((await post('village', `/api/applications/${id}/approve`)).json().level).toBe('township');
  expect((await post('township', `/api/applications/${id}/approve`)).json().level).toBe('county');
  expect((await post('county', `/api/applications/${id}/approve`)).json().status).toBe('publicNotice');
  // Seven days of public notice (公示) have run.
  await t.database.query('UPDATE applications SET notice_until = current_date - 1 WHERE id = $1', [id]);
  expect((await post('county', `/api/applications/${id}/close-notice`)).json().status).toBe('approved');
}

async function runCycle(period: string) {
  let batch = (await post('finance', '/api/payment-cycles', { scheme: 'baiyin.childcareSubsidy', period })).json();
  for (let i = 0; i < 100 && batch.status !== 'complete'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    batch = (await get('finance', `/api/payment-batches/${batch.id}`)).json();
  }
  expect(batch.status).toBe('complete');
  // Four eyes (issue 12): the batch is a draft until the county approves it after its 7-day
  // public notice (baiyin.childcareSubsidy's publicNoticeDays); the review's clock moves past it.
  expect((await post('county', `/api/payment-batches/${batch.id}/notice`)).statusCode).toBe(200);
  t.clock.advanceDays(8);
  expect((await post('county', `/api/payment-batches/${batch.id}/approve`)).statusCode).toBe(200);
  return batch as { id: number; paymentCount: number; totalFen: number };
}

describe('白银: from a county amount to a repaid failure', () => {
  it('walks the issue’s path', async () => {
    // The county sets 300 yuan a month from 2024-01-01 (measure 13 leaves the amount to it); another administrator publishes.
    const draft = await post('county', '/api/schemes/baiyin.childcareSubsidy/versions', {
      effectiveFrom: '2024-01-01',
      values: { monthlyAmount: 30000 },
      legalBasis: { document: '白银区人民政府 白区政发〔2024〕12号', clause: '第三条' },
    });
    expect(draft.json()).toMatchObject({ jurisdictionCode: '620402', status: 'draft' });
    await post('county', `/api/schemes/baiyin.childcareSubsidy/versions/${draft.json().id}/submit`);
    expect(
      (await post('admin', `/api/schemes/baiyin.childcareSubsidy/versions/${draft.json().id}/publish`)).json().status,
    ).toBe('published');

    await approve(childId);
    await approve(otherId);

    const first = await runCycle(lastMonth);
    expect(first).toMatchObject({ paymentCount: 2, totalFen: 60000 });

    const exported = await post('finance', `/api/payment-batches/${first.id}/export`, {
      format: 'csv',
      totp: await financeCode(t),
    });
    expect(exported.statusCode).toBe(200);
    const rows = csvRows(exported.rawPayload).slice(1, -1);
    expect(rows.map((r) => r[7])).toEqual(['300.00', '300.00']);

    // The bank pays one and fails the other.
    const [paidRef, failedRef] = rows.map((r) => r[1]!);
    const { payload, headers } = multipartFile(
      'bank-return.csv',
      `支付参考号,处理结果,原因\n${paidRef},成功,\n${failedRef},失败,账户已冻结\n`,
    );
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/payment-batches/${first.id}/bank-return`,
      payload,
      ...as(s.finance!, headers),
    });
    expect(returned.statusCode).toBe(200);

    // The next month's cycle pays the failed one again (its own month still), and both children for the new month.
    const next = await runCycle(thisMonth);
    expect(next).toMatchObject({ paymentCount: 3, totalFen: 90000 });
    expect((await get('finance', `/api/payment-batches/${first.id}`)).json().paymentStatuses).toEqual({
      pending: 0,
      exported: 0,
      paid: 1,
      failed: 0,
      returned: 0,
      removed: 0,
      cancelled: 0,
    });
    expect((await get('finance', `/api/payment-batches/${next.id}`)).json().paymentStatuses).toEqual({
      pending: 3,
      exported: 0,
      paid: 0,
      failed: 0,
      returned: 0,
      removed: 0,
      cancelled: 0,
    });
    const again = await t.database.query<{ period_key: string; status: string; attempts: number }>(
      'SELECT period_key, status, attempts FROM payments WHERE id = $1',
      [Number(failedRef)],
    );
    expect(again[0]).toEqual({ period_key: lastMonth, status: 'pending', attempts: 2 });
  });
});
