import type { Keys } from '../../crypto/keys.js';
import type { Database } from '../../db/client.js';
import type { SmsSender } from '../../notifications/index.js';
import type { ImportDeps } from '../../registry/index.js';
import type { JobRunner } from '../runner.js';
import { importKind } from './import.js';
import { lifeEventImportKind } from './life-event-import.js';
import type { Pii } from '../../crypto/pii.js';
import { paymentCycleKind } from './payment-cycle.js';
import { smsKind } from './sms.js';
import { monitoringWarningsKind } from './monitoring-warnings.js';
import { specialFamilyOverdueKind } from './special-family-overdue.js';
import { childcareOverdueKind } from './childcare-overdue.js';
import { annualReportOverdueKind } from './annual-report-overdue.js';

export { importKind, lifeEventImportKind, monitoringWarningsKind, paymentCycleKind, smsKind, specialFamilyOverdueKind };
export { childcareOverdueKind, annualReportOverdueKind };

// Every kind of background work the server runs, one file each (see ../README.md to add one).

export interface JobKindDeps {
  database: Database;
  keys: Keys;
  sms: SmsSender;
  imports: ImportDeps;
  pii: Pii;
  /** The app's clock (tests move it): life-event dates, and the periods the early warnings judge. */
  now: () => Date;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export function registerJobKinds(runner: JobRunner, deps: JobKindDeps): JobRunner {
  return runner
    .register(importKind(deps.imports))
    .register(paymentCycleKind(deps.database, deps.log))
    .register(smsKind(deps.keys, deps.sms, deps.log))
    .register(lifeEventImportKind({ database: deps.database, pii: deps.pii, now: deps.now }))
    .register(monitoringWarningsKind(deps.database, deps.now, deps.log))
    .register(specialFamilyOverdueKind(deps.database, deps.now, deps.log, runner))
    .register(childcareOverdueKind(deps.database, deps.now, deps.log))
    .register(annualReportOverdueKind(deps.database, deps.now, deps.log));
}
