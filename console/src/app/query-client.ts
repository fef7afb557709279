import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

/**
 * One cache for the console. A 401 anywhere means the session ended (idle timeout, signed out
 * elsewhere): forgetting who is signed in sends the shell back to the sign-in page.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me')
        void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
