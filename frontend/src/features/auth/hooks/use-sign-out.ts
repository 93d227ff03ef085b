import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { useLogout } from '../api/logout';

/** Sign out, say so, and go to the sign-in page. */
export function useSignOut() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();

  const signOut = () => {
    logout.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('auth.signedOut'));
        void navigate('/login', { replace: true });
      },
      onError: (error) => {
        void message.error(t('auth.signOutFailed', { message: error.message }));
      },
    });
  };

  return { signOut, isPending: logout.isPending };
}
