import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { StatusKey } from '../types';

const COLOURS: Record<string, string> = {
  draft: 'default',
  announced: 'blue',
  in_progress: 'green',
  closed: 'default',
  submitted: 'gold',
  accepted: 'green',
  rejected: 'red',
  merged: 'purple',
  deferred: 'orange',
  voting: 'blue',
  passed: 'green',
  recorded: 'cyan',
  open: 'gold',
  done: 'green',
  published: 'green',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`alliance.status.${status as StatusKey}`)}</Tag>;
}

export function formatTime(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
