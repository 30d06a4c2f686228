/** Back to the page that asked for sign-in; from the home page, an unlinked account goes to binding first. */
export function returnTo(state: unknown, bound: boolean): string {
  const from = (state as { from?: unknown } | null)?.from;
  const deep = typeof from === 'string' && /^\/m\/./.test(from) && !from.startsWith('/m/sign-in');
  if (deep) return from;
  return bound ? '/m' : '/m/binding';
}
