import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { User } from '../types';
import { ME_QUERY_KEY } from './get-me';

export type LoginInput = {
  username: string;
  password: string;
};

export function login(input: LoginInput): Promise<User> {
  return api.post<User>('/api/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(ME_QUERY_KEY, user);
    },
  });
}
