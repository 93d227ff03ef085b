import { useTranslation } from 'react-i18next';

import type { User } from '../types';

const ROLE_KEYS = {
  admin: 'roles.admin',
  secretariat: 'roles.secretariat',
  park_staff: 'roles.park_staff',
  org_user: 'roles.org_user',
  researcher: 'roles.researcher',
} as const;

/** The role in the chosen language; the server's label for a role this build does not know. */
export function RoleLabel({ user }: { user: Pick<User, 'role' | 'role_label'> }) {
  const { t } = useTranslation();
  const key = ROLE_KEYS[user.role as keyof typeof ROLE_KEYS] as (typeof ROLE_KEYS)[keyof typeof ROLE_KEYS] | undefined;
  return <>{key ? t(key) : user.role_label || user.role}</>;
}
