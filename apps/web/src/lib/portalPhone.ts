// The server's rule for a sign-in number (apps/server/src/portal/identity.ts normalizePhone):
// spaces, hyphens and a +86 prefix are dropped, then a mainland mobile number remains.
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** The 11 digits the server will see, or null when it would refuse the number. */
export function normalizePortalPhone(raw: string): string | null {
  const phone = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return MAINLAND_MOBILE.test(phone) ? phone : null;
}

export const SIGN_IN_CODE = /^\d{6}$/;
