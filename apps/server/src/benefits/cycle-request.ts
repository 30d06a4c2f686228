import type { SchemeDefinition } from '@cradle/domain';
import type { AuditActor } from '../registry/index.js';

// A payment cycle's request, on its own so the persons' cycle (cycle.ts) and the institutions'
// (institution-cycle.ts) share it without importing each other.
export interface CycleRequest {
  scheme: SchemeDefinition;
  periodKey: string;
  /** Beneficiaries whose hukou is in this region are paid (the national subsidy: "applied for at the child's hukou location"). */
  jurisdictionCode: string;
  actor: AuditActor;
  /** Person ids per chunk (one transaction each); DEFAULT_CHUNK_IDS unless the CLI's --chunk-size or a test says otherwise. */
  chunkIds?: number;
  /** A pause between chunks, to spare a database that is serving users (the CLI's --pause-ms). */
  pauseMs?: number;
  /**
   * After the period's batch completed: a new round that pays whoever became eligible since (a
   * child registered after the birth grant's cycle, an application approved later). Without it a
   * re-run changes nothing.
   */
  supplement?: boolean;
  /** Aborted when the job runner stops: the cycle stops between chunks (it resumes where it was). */
  signal?: AbortSignal;
}
