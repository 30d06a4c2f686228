import { parentPort, workerData } from 'node:worker_threads';
import { createPiiHere, type PiiKeys, type SealRequest } from './pii.js';
import { packSealed, type SealReply } from './pii-thread.js';

// The worker half of PiiThread: seals each request in turn and transfers the packed result.
const { keys } = workerData as { keys: PiiKeys };
const pii = createPiiHere({ piiEncryption: Buffer.from(keys.piiEncryption), blindIndex: Buffer.from(keys.blindIndex) });

parentPort!.on('message', (m: SealRequest & { id: number }) => {
  let reply: SealReply;
  try {
    reply = { id: m.id, ...packSealed(pii.sealHere(m)) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, 'data' in reply ? [reply.data, reply.ends] : []);
});
