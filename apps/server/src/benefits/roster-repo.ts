import type { BeneficiaryKind, PaymentStatus, RosterFilter, RosterRow } from '@cradle/contract';
import type { Conn } from '../db/client.js';
import { pageOf } from '../db/paging.js';

// A batch's roster: its payments with each payee's name and masked ID number. Payees come
// through cradle_payment_roster (migrations 0024, 0038), so one who has since moved away is
// listed; the function says whom each payment pays (a person or an institution, issue 14), and
// nothing here guesses it from which columns are empty.

type Row = {
  payment_id: string;
  beneficiary_kind: BeneficiaryKind;
  person_id: string | null;
  institution_id: string | null;
  name: string | null;
  id_masked: string | null;
  uscc: string | null;
  region_code: string;
  region_name: string | null;
  amount_fen: string;
  status: PaymentStatus;
  objection_reason: string | null;
  objection_upheld: boolean | null;
};

const toRow = (r: Row): RosterRow => ({
  paymentId: Number(r.payment_id),
  beneficiaryKind: r.beneficiary_kind,
  personId: r.person_id === null ? null : Number(r.person_id),
  institutionId: r.institution_id === null ? null : Number(r.institution_id),
  name: r.name,
  idMasked: r.id_masked,
  uscc: r.uscc,
  regionCode: r.region_code,
  regionName: r.region_name,
  amountFen: Number(r.amount_fen),
  status: r.status,
  objection: r.objection_reason === null ? null : { reason: r.objection_reason, upheld: r.objection_upheld === true },
});

/** FROM … WHERE for the batch's rows under the filters; `$1` is the batch id. */
/** What the public notice lists: rows still in the batch, by village. */
export interface RosterOptions {
  onNotice?: boolean;
}

function rosterFrom(batchId: number, f: RosterFilter, o: RosterOptions = {}): { sql: string; params: unknown[] } {
  const params: unknown[] = [batchId];
  const where = ['p.batch_id = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  // LIKE's own characters in a typed name match themselves.
  if (f.name?.trim()) add("r.name LIKE ? ESCAPE '\\'", `%${f.name.trim().replace(/[\\%_]/g, '\\$&')}%`);
  if (f.region) add('p.region_code LIKE ?', `${f.region}%`);
  if (f.status) add('p.status = ?', f.status);
  if (o.onNotice) where.push("p.status NOT IN ('removed', 'cancelled')");
  return {
    sql: `FROM payments p
      LEFT JOIN cradle_payment_roster($1) r ON r.payment_id = p.id
      LEFT JOIN regions g ON g.code = p.region_code
      LEFT JOIN LATERAL (
        SELECT o.reason, o.upheld FROM payment_objections o WHERE o.batch_id = $1 AND o.payment_id = p.id ORDER BY o.id DESC LIMIT 1
      ) o ON true
      WHERE ${where.join(' AND ')}`,
    params,
  };
}

// The batch is found in scope before any roster is read, so cradle_payment_roster returns a row
// for every payment listed here (its kind included).
const SELECT = `SELECT p.id AS payment_id, r.beneficiary_kind, r.person_id, r.institution_id, r.name, r.id_masked, r.uscc, p.region_code,
  g.name AS region_name, p.amount_fen, p.status, o.reason AS objection_reason, o.upheld AS objection_upheld`;

export async function listRoster(
  tx: Conn,
  batchId: number,
  f: RosterFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; items: RosterRow[] }> {
  const from = rosterFrom(batchId, f);
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${from.sql}`, from.params);
  const paged = pageOf(from.params, page, pageSize);
  const rows = await tx.query<Row>(`${SELECT} ${from.sql} ORDER BY p.id ${paged.sql}`, paged.params);
  return { total: Number(total[0]!.n), items: rows.map(toRow) };
}

// Rows fetched per round trip from a cursor: memory stays flat whatever the batch size.
const FETCH_ROWS = 5_000;

/** Every row under the filters in payment id order, a chunk at a time through a cursor (exports). */
export async function* rosterChunks(
  tx: Conn,
  batchId: number,
  f: RosterFilter,
  o: RosterOptions = {},
): AsyncGenerator<RosterRow[]> {
  const from = rosterFrom(batchId, f, o);
  // DECLARE takes no parameters: the batch id (a number) is written in, and the typed filters
  // ride as transaction settings, so no text a user typed becomes SQL.
  for (let i = 1; i < from.params.length; i++)
    await tx.query('SELECT set_config($1, $2, true)', [`cradle.roster_p${i + 1}`, String(from.params[i])]);
  const sql = from.sql.replace(/\$(\d+)/g, (_, i: string) =>
    i === '1' ? String(Number(batchId)) : `current_setting('cradle.roster_p${i}')`,
  );
  const order = o.onNotice ? 'p.region_code, p.id' : 'p.id';
  await tx.query(`DECLARE roster NO SCROLL CURSOR FOR ${SELECT} ${sql} ORDER BY ${order}`);
  for (;;) {
    const rows = await tx.query<Row>(`FETCH ${FETCH_ROWS} FROM roster`);
    yield rows.map(toRow);
    if (rows.length < FETCH_ROWS) break;
  }
  await tx.query('CLOSE roster');
}
