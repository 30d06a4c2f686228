import { TASK_STATUS_LABELS, type Lang } from '@cradle/domain';
import type { SessionUser } from '../auth/index.js';
import type { SupervisionService } from '../supervision/index.js';
import type { SummaryTask } from './summary.js';

/** Every key task of the county with its status by rule (supervision), for the summary's third part. */
export function summaryTasksFrom(supervision: Pick<SupervisionService, 'tasks'>) {
  return async (user: SessionUser, _year: number, lang: Lang): Promise<SummaryTask[] | null> => {
    const list = await supervision.tasks(user, {});
    if (list.items.length === 0) return null;
    return list.items.map((k) => ({
      number: k.number === null ? `#${k.id}` : String(k.number),
      text: k.text,
      leadUnits: k.leads.map((u) => u.name).join('、'),
      status: lang === 'en' ? TASK_STATUS_LABELS[k.status].en : TASK_STATUS_LABELS[k.status].zh,
    }));
  };
}
