import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  /** Unset: embedded PGlite under dataDir. Set: a PostgreSQL server through `pg`. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Base64 32-byte master key; when unset, read or create `keyFile`. */
  key: string | undefined;
  keyFile: string;
  /** The deployment's region (county, city or province code). */
  scopeCode: string;
  /** Load the synthetic demo population and demo users at first start. */
  demo: boolean;
  /** Mark session cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  webDist: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(repoRoot, env.CRADLE_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? 'localhost',
    key: env.CRADLE_KEY || undefined,
    keyFile: path.resolve(repoRoot, env.CRADLE_KEY_FILE ?? path.join(dataDir, 'cradle.key')),
    scopeCode: env.CRADLE_SCOPE ?? '533423',
    demo: (env.CRADLE_DEMO ?? '1') !== '0',
    secureCookies: env.CRADLE_SECURE_COOKIES === '1',
    sessionIdleMinutes: Number(env.CRADLE_SESSION_IDLE_MINUTES ?? 30),
    webDist: path.resolve(repoRoot, 'apps/web/dist'),
  };
}
