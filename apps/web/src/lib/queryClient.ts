import { QueryClient } from '@tanstack/react-query';

/**
 * The console's one cache of server answers. No automatic retries (an error shows at once, with
 * the page's own retry button) and no refetch on returning to the tab (pages that follow progress
 * poll), as the console behaved before.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
