import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { buildApp } from './app.js';
import { describeDemoUsers } from './demo/users.js';
import { smsSenderFromConfig } from './notifications/sms.js';

const started = Date.now();
const config = loadConfig();
const log = (msg: string) => console.log(`[cradle] ${msg}`);
log(`database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}/pglite`}`);
const platform = await bootstrap(config, log);
// The development SMS sink (demo mode, or CRADLE_SMS=log) prints every message, sign-in codes
// included, whatever the log level: it is how a developer signs in to the portal without a phone.
const sms = smsSenderFromConfig(config, { info: (_obj, msg) => log(msg) });
log(
  `text messages: ${sms.name === 'log' ? 'printed here (development sink, no SMS is sent)' : sms.name === 'webhook' ? 'sent to CRADLE_SMS_WEBHOOK_URL' : 'not configured (CRADLE_SMS): residents cannot sign in to the portal'}`,
);
const daysAhead = config.demo ? config.demoDaysAhead : 0;
if (daysAhead) log(`demo: payment batches' notices and approvals run ${daysAhead} days ahead (CRADLE_DEMO_DAYS_AHEAD)`);
const app = await buildApp({
  config,
  database: platform.database,
  keys: platform.keys,
  sms,
  ...(daysAhead ? { now: () => new Date(Date.now() + daysAhead * 86_400_000) } : {}),
  logger: { level: process.env.CRADLE_LOG_LEVEL ?? 'warn' },
});
await app.listen({ port: config.port, host: config.host });
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://${config.host}:${config.port}  (API docs at /api/docs)`,
);
if (config.demo) {
  log('The population is SYNTHETIC demo data (合成演示数据，非真实人员).');
  if (platform.firstStart || process.env.CRADLE_PRINT_USERS === '1')
    log(describeDemoUsers(platform.demoUsers, (c) => c));
}

const shutdown = async () => {
  await app.close();
  await platform.database.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
