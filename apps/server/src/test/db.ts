import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { ensureRegionsLoaded } from '../regions/load.js';

export const TEST_SCOPE = '533423';

/**
 * A fresh, migrated database with the 维西 region tree: in-memory PGlite by default, or a
 * new database on the server at TEST_DATABASE_URL (dropped by the returned cleanup).
 */
export async function createTestDatabase(
  scope = TEST_SCOPE,
): Promise<{ database: Database; cleanup: () => Promise<void>; url?: string }> {
  const created = await createEmptyTestDatabase();
  await migrate(created.database);
  await ensureRegionsLoaded(created.database, scope);
  return created;
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
  const name = `cradle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    url: url.toString(),
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
