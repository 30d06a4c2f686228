import { fetchNotifications } from '../../../api/portal';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

/** The resident's messages and how many are unread. */
export function useNotifications() {
  const state = useQuery({
    queryKey: ['portal', 'fetchNotifications'],
    queryFn: ({ signal }) => fetchNotifications(signal),
    placeholderData: keepPreviousData,
  });
  const unread = (state.data ?? []).filter((n) => !n.read).length;
  return { ...state, unread };
}
