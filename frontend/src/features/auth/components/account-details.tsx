import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { useUser } from '../api/get-me';
import { RoleLabel } from './role-label';

export function AccountDetails() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  if (!user) {
    return null;
  }
  return (
    <Card title={t('account.title')} data-testid="account-details">
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('account.displayName')}>{user.display_name || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('account.role')}>
          <Tag color="blue">
            <RoleLabel user={user} />
          </Tag>
          {user.is_staff && <Tag color="gold">{t('account.staff')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('account.park')}>{user.park?.name ?? t('account.none')}</Descriptions.Item>
        <Descriptions.Item label={t('account.organisation')}>
          {user.organisation?.name ?? t('account.none')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
