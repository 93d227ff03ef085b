import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { PartStatus } from '../types';

const LOOK = {
  up: { color: 'success', icon: <CheckCircleOutlined />, key: 'health.status.up' },
  down: { color: 'error', icon: <CloseCircleOutlined />, key: 'health.status.down' },
  not_configured: { color: 'default', icon: <MinusCircleOutlined />, key: 'health.status.not_configured' },
} as const;

export function PartStatusTag({ status }: { status: PartStatus }) {
  const { t } = useTranslation();
  const look = LOOK[status] ?? LOOK.down;
  return (
    <Tag color={look.color} icon={look.icon} data-testid="part-status-tag" style={{ marginInlineEnd: 0 }}>
      {t(look.key)}
    </Tag>
  );
}
