import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

import { useUser } from '@/features/auth/api/get-me';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { ResearchPage } from '@/features/research/components/research-page';

function ResearchForUser() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  if (!user) {
    return null;
  }
  if (!user.role) {
    return <Result status="403" title={t('research.noAccess')} />;
  }
  return <ResearchPage user={user} />;
}

export function ResearchRoute() {
  return (
    <RequireAuth>
      <ResearchForUser />
    </RequireAuth>
  );
}
