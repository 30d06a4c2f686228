import type { TaskBulkCompleteResult, TaskCompleteBody, TaskDetail, TaskQueue, TaskQueueQuery } from '@cradle/contract';
import { api, withQuery } from './client';

/** The department's 出生一件事 tasks in its jurisdiction (county administrators and leaders: every department's). */
export function fetchTaskQueue(query: TaskQueueQuery, signal?: AbortSignal): Promise<TaskQueue> {
  return api.get<TaskQueue>(withQuery('/api/bundle-tasks', query), signal);
}

export function fetchTask(id: number, signal?: AbortSignal): Promise<TaskDetail> {
  return api.get<TaskDetail>(`/api/bundle-tasks/${id}`, signal);
}

export function completeTask(id: number, completion: TaskCompleteBody): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/bundle-tasks/${id}/complete`, completion);
}

/** Back to the family for correction: a reason they read, and the fields (BUNDLE_SERVICES[].formFields) to fix. */
export function returnTask(id: number, reason: string, fields: string[]): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/bundle-tasks/${id}/return`, { reason, fields });
}

/** Only for services that need no input; the server says per task what it skipped and why. */
export function bulkCompleteTasks(ids: number[]): Promise<TaskBulkCompleteResult> {
  return api.post<TaskBulkCompleteResult>('/api/bundle-tasks/bulk-complete', { ids });
}
