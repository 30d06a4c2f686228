import type { Keys } from '../../crypto/keys.js';
import type { Database } from '../../db/client.js';
import type { SmsSender } from '../../notifications/index.js';
import type { ImportDeps } from '../../registry/index.js';
import type { JobRunner } from '../runner.js';
import { importKind } from './import.js';
import { paymentCycleKind } from './payment-cycle.js';
import { smsKind } from './sms.js';
import { monitoringWarningsKind } from './monitoring-warnings.js';

export { importKind, monitoringWarningsKind, paymentCycleKind, smsKind };

// Every kind of background work the server runs, one file each (see ../README.md to add one).

export interface JobKindDeps {
  database: Database;
  keys: Keys;
  sms: SmsSender;
  imports: ImportDeps;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** The app's clock (tests move it): the early warnings judge the periods up to its day. */
  now?: () => Date;
}

export function registerJobKinds(runner: JobRunner, deps: JobKindDeps): JobRunner {
  return runner
    .register(importKind(deps.imports))
    .register(paymentCycleKind(deps.database, deps.log))
    .register(smsKind(deps.keys, deps.sms, deps.log))
    .register(monitoringWarningsKind(deps.database, deps.now ?? (() => new Date()), deps.log));
}
