import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, resetCsrfToken } from '@/lib/api-client';

import { ME_QUERY_KEY } from './get-me';

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Django rotates the CSRF token and the session; nothing cached for the old user may leak.
      resetCsrfToken();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}
