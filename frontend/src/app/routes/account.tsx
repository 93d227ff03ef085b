import { AccountDetails } from '@/features/auth/components/account-details';
import { RequireAuth } from '@/features/auth/components/require-auth';

export function AccountRoute() {
  return (
    <RequireAuth>
      <AccountDetails />
    </RequireAuth>
  );
}
