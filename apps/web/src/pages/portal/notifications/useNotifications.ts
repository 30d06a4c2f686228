import { fetchNotifications } from '../../../api/portal';
import { useAsync } from '../../../lib/useAsync';

/** The resident's messages and how many are unread. */
export function useNotifications() {
  const state = useAsync((signal) => fetchNotifications(signal), []);
  const unread = (state.data ?? []).filter((n) => !n.read).length;
  return { ...state, unread };
}
