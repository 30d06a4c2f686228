// The portal module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { attachmentRoutes } from './attachments-routes.js';
export { type AttachmentInfo, createAttachmentService, listAttachments } from './attachments.js';
export { createPhoneCodeProvider, phoneBlindIndex } from './identity.js';
export { type ResidentLock, withResident } from './scope.js';
export { residentActor } from './service.js';
export { type SessionResident } from './session.js';
