import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography, theme, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

import { useUser } from '../api/get-me';
import { loginPathFor } from '../hooks/use-next-path';
import { useSignOut } from '../hooks/use-sign-out';
import { RoleLabel } from './role-label';

/** Header corner: the signed-in user's menu, or a sign-in button. */
export function UserMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { data: user, isPending } = useUser();
  const { signOut, isPending: signingOut } = useSignOut();

  if (isPending) {
    return null;
  }
  if (!user) {
    if (location.pathname === '/login') {
      return null;
    }
    return (
      <Button type="primary" ghost data-testid="sign-in-button" onClick={() => void navigate(loginPathFor(location))}>
        {t('auth.signIn')}
      </Button>
    );
  }

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{user.display_name || user.username}</Typography.Text>
          <Typography.Text type="secondary">
            <RoleLabel user={user} />
            {user.park ? ` · ${user.park.name}` : ''}
            {user.organisation ? ` · ${user.organisation.name}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { type: 'divider' },
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true, disabled: signingOut },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') void navigate('/account');
    if (key === 'sign-out') signOut();
  };

  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
      <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
        <Space>
          <Avatar size="small" style={{ backgroundColor: token.colorPrimary }}>
            {(user.display_name || user.username).slice(0, 1).toUpperCase()}
          </Avatar>
          <span>{user.display_name || user.username}</span>
        </Space>
      </Button>
    </Dropdown>
  );
}
