// Entry of the PII worker thread (see pii-thread.ts). Workers do not inherit the loader of a
// test runner, so tsx is registered here; under `tsx` itself this registers it a second time,
// which is harmless.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
