// The notifications module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { type NotificationDispatcher } from './dispatcher.js';
export { enqueueNotifications, type OutgoingNotification } from './outbox.js';
export { maskPhone, SMS_KIND, type SmsSender, smsSenderFromConfig } from './sms.js';
