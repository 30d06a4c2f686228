// HTTP concerns every module shares: the headers on every response, the console's page and
// policy, and user-supplied file names made safe to store, show and send back.
export { API_CSP, registerSecurityHeaders } from './security-headers.js';
export { consoleCsp, NONCE_PLACEHOLDER, registerConsole } from './console.js';
export { attachmentDisposition, cleanFileName } from './file-names.js';
export { sendAttachment } from './send-file.js';
