import { api, withQuery } from './client';
import type { TaskBulkResult, TaskCompletion, TaskDetail, TaskQuery, TaskQueue } from './familyTypes';

/** The department's 出生一件事 tasks in its jurisdiction (county administrators and leaders: every department's). */
export function fetchTaskQueue(query: TaskQuery, signal?: AbortSignal): Promise<TaskQueue> {
  return api.get<TaskQueue>(withQuery('/api/bundle-tasks', query), signal);
}

export function fetchTask(id: number, signal?: AbortSignal): Promise<TaskDetail> {
  return api.get<TaskDetail>(`/api/bundle-tasks/${id}`, signal);
}

export function completeTask(id: number, completion: TaskCompletion): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/bundle-tasks/${id}/complete`, completion);
}

/** Back to the family for correction: a reason they read, and the fields (BUNDLE_SERVICES[].formFields) to fix. */
export function returnTask(id: number, reason: string, fields: string[]): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/bundle-tasks/${id}/return`, { reason, fields });
}

/** Only for services that need no input; the server says per task what it skipped and why. */
export function bulkCompleteTasks(ids: number[]): Promise<TaskBulkResult> {
  return api.post<TaskBulkResult>('/api/bundle-tasks/bulk-complete', { ids });
}
