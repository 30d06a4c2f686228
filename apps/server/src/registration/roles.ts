import type { Role } from '@cradle/domain';

// Township workers handle their township's registrations; county administrators read. Leaders see
// the queue's figures on the dashboard, not the families (need to know, issue 11). The
// registration's files go to the same readers (portal/attachments.ts).
export const REGISTRATION_READERS: readonly Role[] = ['townshipWorker', 'countyAdmin'];
export const REGISTRATION_HANDLERS: readonly Role[] = ['townshipWorker'];
