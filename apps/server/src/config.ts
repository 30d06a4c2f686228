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
  /** The audit chain's signed checkpoints, append-only, outside the database (audit/anchors.ts). */
  auditAnchorFile: string;
  /** How often the server seals new audit entries with an anchor; 0: only at verification. */
  auditSealSeconds: number;
  /** The deployment's region (county, city or province code). */
  scopeCode: string;
  /** Load the synthetic demo population and demo users at first start. */
  demo: boolean;
  /** Mark session cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limit, audit). */
  trustProxy: boolean;
  webDist: string;
  /** The public address (e.g. https://cradle.example.gov.cn) printed in receipts' verification links; unset, only a localhost request's own origin is used (registration/public-url.ts). */
  publicUrl: string | undefined;
  /** Where text messages go: 'log' (development sink, the default in demo mode) or 'webhook'. */
  sms: string | undefined;
  smsWebhookUrl: string | undefined;
  /**
   * Demo mode only: the payment review's clock runs this many days ahead, so someone trying the
   * console sees a batch's public notice end without waiting a week. Nothing else moves.
   */
  demoDaysAhead: number;
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
    auditAnchorFile: path.resolve(repoRoot, env.CRADLE_AUDIT_ANCHOR_FILE ?? path.join(dataDir, 'audit-anchors.jsonl')),
    auditSealSeconds: Number(env.CRADLE_AUDIT_SEAL_SECONDS ?? 300),
    scopeCode: env.CRADLE_SCOPE ?? '533423',
    // Demo data only where it cannot land in a real registry by accident: on by default with
    // the embedded database, off by default on a PostgreSQL server (CRADLE_DEMO=1 to force).
    demo: (env.CRADLE_DEMO ?? (env.DATABASE_URL ? '0' : '1')) !== '0',
    trustProxy: env.CRADLE_TRUST_PROXY === '1',
    secureCookies: env.CRADLE_SECURE_COOKIES === '1',
    sessionIdleMinutes: Number(env.CRADLE_SESSION_IDLE_MINUTES ?? 30),
    webDist: path.resolve(repoRoot, 'apps/web/dist'),
    publicUrl: env.CRADLE_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    sms: env.CRADLE_SMS || undefined,
    smsWebhookUrl: env.CRADLE_SMS_WEBHOOK_URL || undefined,
    demoDaysAhead: Number(env.CRADLE_DEMO_DAYS_AHEAD ?? 0) || 0,
  };
}
