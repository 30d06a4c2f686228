import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A connection or transaction: drizzle for queries plus raw SQL and COPY, same on both engines. */
export interface Conn {
  db: Db;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * `COPY … FROM STDIN` with CSV text chunks; returns rows copied. Owner connections only:
   * PostgreSQL refuses COPY into tables with row-level security, and PGlite refuses cradle_app
   * its /dev/blob, so scoped writes use INSERT … SELECT FROM unnest(…) instead.
   */
  copyIn(copySql: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number>;
  /**
   * In a transaction only: a statement (trusted SQL, literals escaped with sqlLiteral) to run
   * last, in the same round trip as COMMIT on PostgreSQL. The audit append takes the chain's one
   * lock there (cradle_append_audit), so no request holds it while Node gets round to committing:
   * under load that wait serialised every request.
   */
  beforeCommit?: (sql: string) => void;
}

/** A string as an SQL literal, as node-postgres escapes it (safe whatever standard_conforming_strings says). */
export function sqlLiteral(value: string): string {
  let backslash = false;
  let out = "'";
  for (const c of value) {
    if (c === "'") out += "''";
    else if (c === '\\') {
      out += '\\\\';
      backslash = true;
    } else out += c;
  }
  out += "'";
  return backslash ? ` E${out}` : out;
}

/** A value as an SQL literal for beforeCommit statements: NULL, a safe integer as is, anything else as escaped text. */
export function sqlValue(v: string | number | null): string {
  return v === null ? 'NULL' : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : sqlLiteral(String(v));
}

export interface Database extends Conn {
  kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction. `prelude`, trusted SQL without parameters (the scope settings),
   * runs first in the same round trip as BEGIN on PostgreSQL. A wrapper (a test's counter) must
   * pass it on: dropped, withScope's transaction would run as the owner, past row-level security.
   */
  transaction<T>(fn: (tx: Conn) => Promise<T>, prelude?: string): Promise<T>;
  close(): Promise<void>;
}

// pg returns bigint/numeric as strings; counts here fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * At most this many distinct parameterised statements are prepared (named) on one connection;
 * past that they go unnamed, parsed and planned on every call as before. Our SQL texts are fixed
 * apart from a few built from filters, so a few hundred cover them; the bound keeps SQL built
 * with variable parts from growing a backend's memory without end.
 */
export const PREPARED_PER_CONNECTION = 500;

/**
 * A query as node-postgres takes it: named when it has parameters and the connection has room,
 * so PostgreSQL parses and plans its text once per connection rather than on every call (under
 * the issue-4 load that was a quarter of PostgreSQL's time a write). The name is the text's
 * digest: one text, one name, on every connection. Plans follow schema changes by themselves.
 */
function statementOf(
  client: pg.PoolClient,
  prepared: WeakMap<pg.PoolClient, Set<string>>,
  text: string,
  params: unknown[] | undefined,
): pg.QueryConfig {
  if (!params || params.length === 0) return { text };
  // A value node-postgres serialises itself (an object, as JSON) may fail to serialise after the
  // statement was parsed; it then closes the statement but still takes it for prepared, and every
  // later use of the text on that connection fails. Such calls go unnamed.
  if (!params.every(plain)) return { text, values: params };
  const name = `c${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  const names = prepared.get(client) ?? prepared.set(client, new Set()).get(client)!;
  if (!names.has(name)) {
    if (names.size >= PREPARED_PER_CONNECTION) return { text, values: params };
    names.add(name);
  }
  return { name, text, values: params };
}

/** A parameter node-postgres sends without serialising an object: primitives, buffers, dates, arrays of them. */
function plain(v: unknown): boolean {
  if (v === null || v === undefined || typeof v !== 'object') return true;
  if (Buffer.isBuffer(v) || v instanceof Date) return true;
  return Array.isArray(v) && v.every(plain);
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.CRADLE_PG_POOL ?? 10) });
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  // An idle connection the server drops (a restart, a terminated backend) must not crash the
  // process: without a listener the pool rethrows it. The pool replaces the connection.
  pool.on('error', (err) => console.error('PostgreSQL dropped an idle connection:', err.message));
  const conn = (client: pg.Pool | pg.PoolClient, beforeCommit?: Conn['beforeCommit']): Conn => ({
    beforeCommit,
    // Built on first use: drizzle reads the whole schema's relations on construction, and most
    // transactions only run SQL (a CPU profile of the family-services load showed it).
    get db() {
      return lazyDb(this as { _db?: Db }, () => drizzlePg(client, { schema }));
    },
    query: async (text, params) => {
      // On the pool: a connection of our own for the statement, so that it is known whether this
      // connection has prepared it.
      const c = 'release' in client ? client : await client.connect();
      try {
        return (await c.query(statementOf(c, prepared, text, params))).rows as never;
      } finally {
        if (c !== client) c.release();
      }
    },
    copyIn: async (copySql, chunks) => {
      const c = 'release' in client ? client : await client.connect();
      try {
        const stream = c.query(copyFrom(copySql.replace(/FROM\s+'\/dev\/blob'/i, 'FROM STDIN')));
        await pipeline(Readable.from(chunks), stream);
        return Number(stream.rowCount);
      } finally {
        if (c !== client) c.release();
      }
    },
  });
  return {
    kind: 'postgres',
    ...conn(pool),
    async transaction(fn, prelude) {
      const client = await pool.connect();
      try {
        // Several statements in one simple-protocol message: one round trip instead of two.
        await client.query(prelude ? `BEGIN; ${prelude}` : 'BEGIN');
        const last: string[] = [];
        // Not spread into a new object: that would build drizzle (a getter) for every transaction.
        const out = await fn(conn(client, (sql) => void last.push(sql)));
        await client.query([...last, 'COMMIT'].join('; '));
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

type PgliteLike = Pick<PGlite, 'query'>;

function lazyDb(holder: { _db?: Db }, make: () => Db): Db {
  holder._db ??= make();
  return holder._db;
}

async function collect(chunks: AsyncIterable<string> | Iterable<string>): Promise<Blob> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return new Blob(parts);
}

/** Each open PGlite database's client, for dumpPglite. */
const pgliteClients = new WeakMap<Database, PGlite>();

/**
 * Opens PGlite in a directory, or in memory; `loadDataDir` starts the in-memory one from a dump
 * (dumpPglite) instead of an empty cluster: the tests' migrated template (test/db.ts).
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
  const conn = (c: PgliteLike, beforeCommit?: Conn['beforeCommit']): Conn => ({
    beforeCommit,
    get db() {
      return lazyDb(this as { _db?: Db }, () => drizzlePglite(c as PGlite, { schema }));
    },
    query: async (text, params) => (await c.query(text, params as unknown[])).rows as never,
    copyIn: async (copySql, chunks) => {
      // PGlite reads COPY input from a blob at the virtual path /dev/blob.
      const sqlText = copySql.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
      const res = await c.query(sqlText, [], { blob: await collect(chunks) });
      return res.affectedRows ?? 0;
    },
  });
  const database: Database = {
    kind: 'pglite',
    ...conn(client),
    transaction: (fn, prelude) =>
      client.transaction(async (tx) => {
        if (prelude) await tx.exec(prelude);
        const last: string[] = [];
        const out = await fn(conn(tx, (sql) => void last.push(sql)));
        if (last.length > 0) await tx.exec(last.join('; '));
        return out;
      }),
    close: () => client.close(),
  };
  pgliteClients.set(database, client);
  return database;
}

/** The data directory of an open PGlite database as a tarball, for openPglite's `loadDataDir`. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = pgliteClients.get(database);
  if (!client) throw new Error('dumpPglite: not a PGlite database opened by openPglite');
  return client.dumpDataDir('none');
}

export function openDatabase(opts: { databaseUrl?: string; pgliteDir?: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.pgliteDir);
}
