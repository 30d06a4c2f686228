// The SMS sender moved to notifications/sms.ts; notifications/dispatcher.ts still imports it from
// here until the job runner's rewrite of that file lands (it is out of this change's reach).
export type { SmsSender } from '../notifications/sms.js';
