import { approvableFrom, findBuiltInScheme } from '@cradle/domain';
import type { BatchView } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { findDisplayNames } from '../audit/index.js';
import type { PaymentBatch } from './batches-repo.js';

/** Batches as the console shows them: who did each step by name, and when a notice lets approval in. */
export async function batchViews(database: Database, batches: PaymentBatch[]): Promise<BatchView[]> {
  const names = await findDisplayNames(
    database,
    batches.flatMap((b) => [b.createdBy, b.noticedBy, b.approvedBy, b.cancelledBy]),
  );
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return batches.map((b) => ({
    ...b,
    createdByName: nameOf(b.createdBy),
    noticedByName: nameOf(b.noticedBy),
    approvedByName: nameOf(b.approvedBy),
    cancelledByName: nameOf(b.cancelledBy),
    approvedAt: b.approvedAt?.toISOString() ?? null,
    approvableFrom: b.stage === 'noticed' && b.noticeUntil ? approvableFrom(b.noticeUntil) : null,
  }));
}

export const noticeDayKindOf = (schemeCode: string) => findBuiltInScheme(schemeCode)?.publicNoticeDayKind ?? 'calendar';
