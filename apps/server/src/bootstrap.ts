import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { deriveKeys, loadMasterKey, type Keys } from './crypto/keys.js';
import { createPii } from './crypto/pii.js';
import { ensureRegionsLoaded } from './regions/load.js';
import { loadDemoPopulation } from './demo/load.js';
import { addDemoDeaths } from './demo/deaths.js';
import { createUser } from './auth/users.js';
import { demoUsers, DEMO_PASSWORD, type DemoUser } from './demo/users.js';
import { DEMO_FAMILY_PHONE, ensureDemoFamily } from './demo/family.js';
import { ensureSupervisionSeed } from './supervision/index.js';

export interface Platform {
  database: Database;
  keys: Keys;
  firstStart: boolean;
  demoUsers: DemoUser[];
}

/** Opens the database, applies migrations and, on first start, loads regions and the demo. */
export async function bootstrap(
  config: Config,
  log: (msg: string) => void = () => undefined,
  opts: { loadDemo?: boolean } = {},
): Promise<Platform> {
  const keys = deriveKeys(loadMasterKey(config));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  const t0 = Date.now();
  await migrate(database);
  const { loaded } = await ensureRegionsLoaded(database, config.scopeCode);
  if (loaded) log(`loaded ${loaded} regions for scope ${config.scopeCode} in ${Date.now() - t0} ms`);
  // 维西's unit directory and 004's 31 key tasks: the county's own plan data, as the regions are.
  const { tasks } = await ensureSupervisionSeed(database, config.scopeCode);
  if (tasks) log(`loaded the unit directory and ${tasks} key tasks of 维发〔2023〕15号 (supervision)`);
  let users: DemoUser[] = [];
  // Operator commands never create demo data: only the server's first start does.
  if (config.demo && opts.loadDemo !== false) {
    const townships = await database.query<{ code: string }>(
      'SELECT code FROM regions WHERE level = 4 AND code LIKE $1 ORDER BY code LIMIT 2',
      [`${config.scopeCode}%`],
    );
    const village = await database.query<{ code: string }>(
      'SELECT code FROM regions WHERE level = 5 AND parent_code = $1 ORDER BY code LIMIT 1',
      [townships[0]?.code ?? ''],
    );
    users = demoUsers(
      config.scopeCode,
      townships[0]?.code ?? config.scopeCode,
      townships[1]?.code ?? config.scopeCode,
      village[0]?.code ?? config.scopeCode,
    );
    const existing = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (Number(existing[0]!.n) === 0) for (const u of users) await createUser(database, keys, u, DEMO_PASSWORD);
    const t1 = Date.now();
    const { persons } = await loadDemoPopulation(database, createPii(keys), config.scopeCode);
    if (persons) log(`generated and loaded a synthetic population of ${persons} persons in ${Date.now() - t1} ms`);
    const deaths = await addDemoDeaths(database, config.scopeCode, new Date());
    if (deaths) log(`recorded ${deaths} synthetic deaths for the monitoring scorecard (demo/deaths.ts)`);
    const family = await ensureDemoFamily(database, keys, townships[0]?.code ?? config.scopeCode);
    if (family)
      log(
        `demo family for the portal (/m): phone ${DEMO_FAMILY_PHONE}, link as ${family.name} ${family.idNumber} (synthetic)`,
      );
  }
  return { database, keys, firstStart: loaded > 0, demoUsers: users };
}
