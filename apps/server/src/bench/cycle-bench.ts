import { YUNNAN_CHILDCARE_ALLOWANCE } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { runPaymentCycle } from '../benefits/index.js';

/**
 * Issue 3's benchmark: a payment cycle for n eligible children against a raw COPY of n
 * payment rows into a table shaped like payments (same indexes), in the same run; then an
 * immediate re-run. Targets: the cycle within 2× the COPY, the re-run under a tenth of the cycle.
 * The children (born 2023–2025, second or third, hukou in the county's villages) are made in
 * SQL as the owner: the import is measured on its own above.
 */
export async function cycleBench(
  database: Database,
  n: number,
  villages: readonly string[],
  label: string,
): Promise<void> {
  await database.query(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     SELECT '测试儿童', 'female', date '2023-01-01' + (i % 1095), 'resident', '\\x00'::bytea, sha256(('cycle-bench-' || i)::bytea),
       '533423********0000', v.codes[1 + i % array_length(v.codes, 1)], v.codes[1 + i % array_length(v.codes, 1)], 2 + i % 2, 'bench', ''
     FROM generate_series(1, $1::int) AS i, (SELECT $2::text[] AS codes) v`,
    [n, villages],
  );
  await database.query('ANALYZE persons');
  const secs = (ms: number) => (ms / 1000).toFixed(2).padStart(8);

  // Baseline: the same number of payment rows, COPYed as the owner into a payments-shaped table.
  await database.query('CREATE TABLE bench_payments (LIKE payments INCLUDING DEFAULTS INCLUDING INDEXES)');
  const chunks: string[] = [];
  for (let i = 0; i < n; i += 50_000) {
    let chunk = '';
    for (let j = i; j < Math.min(i + 50_000, n); j++)
      chunk += `yunnan.childcareAllowance,2025,${j + 1},80000,1,${villages[j % villages.length]}\n`;
    chunks.push(chunk);
  }
  let t = performance.now();
  await database.copyIn(
    'COPY bench_payments (scheme_code, period_key, beneficiary_id, amount_fen, batch_id, region_code) FROM STDIN WITH (FORMAT csv)',
    chunks,
  );
  const copyMs = performance.now() - t;

  const actor = { userId: null, username: 'bench', jurisdictionCode: '533423', clientIp: null };
  const cycle = () =>
    runPaymentCycle(database, {
      scheme: YUNNAN_CHILDCARE_ALLOWANCE,
      periodKey: '2025',
      jurisdictionCode: '533423',
      actor,
    });
  t = performance.now();
  const batch = await cycle();
  const cycleMs = performance.now() - t;
  t = performance.now();
  const again = await cycle();
  const rerunMs = performance.now() - t;
  if (again.id !== batch.id || again.paymentCount !== batch.paymentCount)
    throw new Error('the re-run changed the batch');

  console.log(
    `\n${label}: payment cycle, ${batch.paymentCount.toLocaleString('en-US')} eligible children (${batch.chunksTotal} chunks)`,
  );
  console.log(`  COPY of as many payment rows  ${secs(copyMs)} s   (baseline)`);
  console.log(
    `  payment cycle                 ${secs(cycleMs)} s   (${Math.round(batch.paymentCount / (cycleMs / 1000)).toLocaleString('en-US')} payments/s)`,
  );
  console.log(`  immediate re-run              ${secs(rerunMs)} s`);
  console.log(
    `  ratio cycle / COPY: ${(cycleMs / copyMs).toFixed(2)}×   target ≤ 2×;   re-run / cycle: ${(rerunMs / cycleMs).toFixed(4)}   target < 0.1`,
  );
}
