import { staffRoutes as r, type TaskCompleteBody, type TaskQueueQuery } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

/** The department's 出生一件事 tasks in its jurisdiction (county administrators and leaders: every department's). */
/** The queue with its filters as XLSX, every page of it (audited). */
export const exportTaskQueue = ({ page: _page, pageSize: _size, ...query }: TaskQueueQuery) =>
  downloadExport(r.tasksExport, { query });

export const fetchTaskQueue = (query: TaskQueueQuery, signal?: AbortSignal) =>
  staff.call(r.tasks, { query }, { signal });

export const fetchTask = (id: number, signal?: AbortSignal) => staff.call(r.task, { params: { id } }, { signal });

export const completeTask = (id: number, body: TaskCompleteBody) =>
  staff.call(r.completeTask, { params: { id }, body });

/** Back to the family for correction: a reason they read, and the fields (BUNDLE_SERVICES[].formFields) to fix. */
export const returnTask = (id: number, reason: string, fields: string[]) =>
  staff.call(r.returnTask, { params: { id }, body: { reason, fields } });

/** Only for services that need no input; the server says per task what it skipped and why. */
export const bulkCompleteTasks = (ids: number[]) => staff.call(r.bulkCompleteTasks, { body: { ids } });
