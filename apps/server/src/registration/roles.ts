import type { Role } from '@cradle/domain';

// Township workers handle their township's registrations; county administrators and leaders read.
// The registration's files go to the same readers (portal/attachments.ts).
export const REGISTRATION_READERS: readonly Role[] = ['townshipWorker', 'countyAdmin', 'leader'];
export const REGISTRATION_HANDLERS: readonly Role[] = ['townshipWorker'];
