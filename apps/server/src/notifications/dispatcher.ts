import type { JobRunner } from '../jobs/index.js';
import { SMS_KIND } from './sms.js';

/** What a family service calls after a commit that wrote SMS notifications: sends them soon (jobs/kinds/sms.ts). */
export interface NotificationDispatcher {
  kick(): void;
}

export const notificationDispatcher = (jobs: Pick<JobRunner, 'kick'>): NotificationDispatcher => ({
  kick: () => jobs.kick(SMS_KIND),
});
