import { registrationError } from './errors.js';

// A request addressed to this machine by name or loopback address, with an optional port, and
// nothing else: `localhost:80@attacker.example` would put the attacker's host in the link.
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * The address printed in receipts' verification links (the QR code, the family's SMS): the
 * configured public one (CRADLE_PUBLIC_URL). Unset, the request's own origin only when it was
 * addressed to this machine (a demo or a test on one computer): the Host header is the client's
 * to choose, and a receipt would carry its link to wherever it named. Anywhere else the receipt is
 * refused with a message for the administrator (503), and nothing is completed.
 */
export function receiptBaseUrl(publicUrl: string | undefined, req: { protocol: string; host: string }): string {
  if (publicUrl) return publicUrl;
  if (LOOPBACK_HOST.test(req.host)) return `${req.protocol}://${req.host}`;
  throw registrationError('registration.publicUrlUnset');
}
