export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['submitted', 'infoRequested', 'completed'];
export const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'returned', 'waiting', 'done'];
export const DEADLINE_STATES: readonly DeadlineState[] = ['overdue', 'dueToday', 'onTime'];
export const PAGE_SIZE = 20;

type Params = Pick<URLSearchParams, 'get'>;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

function pageOf(params: Params): number {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

const text = (raw: string | null) => raw?.trim() || undefined;

/** The registration queue's filters as the URL holds them (the dashboard links to ?deadline=overdue); unknown values are dropped. */
export function registrationQueryOf(params: Params): RegistrationQueueQuery {
  const conflicts = params.get('conflicts');
  return {
    status: oneOf(REGISTRATION_STATUSES, params.get('status')),
    deadline: oneOf(DEADLINE_STATES, params.get('deadline')),
    conflicts: conflicts === 'true' ? true : conflicts === 'false' ? false : undefined,
    q: text(params.get('q')),
    page: pageOf(params),
    pageSize: PAGE_SIZE,
  };
}

/** The task queue's filters as the URL holds them; `services` are the names the user may filter by. */
export function taskQueryOf(params: Params, services: readonly string[]): TaskQueueQuery {
  return {
    service: oneOf(services, params.get('service')),
    status: oneOf(TASK_STATUSES, params.get('status')),
    deadline: oneOf(DEADLINE_STATES, params.get('deadline')),
    q: text(params.get('q')),
    page: pageOf(params),
    pageSize: PAGE_SIZE,
  };
}

/** Back to URL parameters: empty values and the first page left out, so a plain queue has a plain URL. */
export function paramsOf(query: RegistrationQueueQuery | TaskQueueQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query as Record<string, string | number | boolean | undefined>)) {
    // The parsers leave filters the URL lacks as undefined.
    if (v === undefined || v === '' || k === 'pageSize' || (k === 'page' && v === 1)) continue;
    out[k] = String(v);
  }
  return out;
}
import type {
  DeadlineState,
  RegistrationQueueQuery,
  RegistrationStatus,
  TaskQueueQuery,
  TaskStatus,
} from '@cradle/contract';
