/** My applications: filled in once the registration and bundle APIs land. */
export function MyApplications() {
  return null;
}
