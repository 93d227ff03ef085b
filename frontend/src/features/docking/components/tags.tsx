import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { useVocabulary } from '../api/admin';
import type { Party, PostingKind, PostingStatus, RequestStatus } from '../types';
import { expiryState, formatDate } from '../utils/format';

const KIND_COLOURS: Record<PostingKind, string> = {
  tech_need: 'blue',
  achievement: 'green',
  financing_need: 'gold',
  investment_intent: 'volcano',
  talent_need: 'purple',
  facility: 'cyan',
  space: 'geekblue',
};

const POSTING_STATUS_COLOURS: Record<PostingStatus, string> = {
  draft: 'default',
  pending: 'orange',
  published: 'green',
  rejected: 'red',
  closed: 'default',
};

const REQUEST_STATUS_COLOURS: Record<RequestStatus, string> = {
  requested: 'blue',
  accepted: 'cyan',
  declined: 'red',
  in_talks: 'purple',
  agreed: 'green',
  closed: 'default',
};

export function KindTag({ kind, label }: { kind: PostingKind; label?: string }) {
  const vocabulary = useVocabulary();
  const text = label ?? vocabulary.data?.kinds.find((k) => k.value === kind)?.label ?? kind;
  return (
    <Tag color={KIND_COLOURS[kind] ?? 'default'} data-testid="kind-tag">
      {text}
    </Tag>
  );
}

export function PostingStatusTag({ status }: { status: PostingStatus }) {
  const vocabulary = useVocabulary();
  const text = vocabulary.data?.posting_statuses.find((s) => s.value === status)?.label ?? status;
  return (
    <Tag color={POSTING_STATUS_COLOURS[status] ?? 'default'} data-testid="posting-status">
      {text}
    </Tag>
  );
}

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const vocabulary = useVocabulary();
  const text = vocabulary.data?.request_statuses.find((s) => s.value === status)?.label ?? status;
  return (
    <Tag color={REQUEST_STATUS_COLOURS[status] ?? 'default'} data-testid="request-status" data-status={status}>
      {text}
    </Tag>
  );
}

export function AnonymousBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('docking.posting.anonymousHint')}>
      <Tag icon={<EyeInvisibleOutlined />} data-testid="anonymous-badge">
        {t('docking.posting.anonymous')}
      </Tag>
    </Tooltip>
  );
}

export function ExpiryTag({ expiresAt, isExpired }: { expiresAt: string; isExpired: boolean }) {
  const { t, i18n } = useTranslation();
  const state = expiryState(expiresAt, isExpired);
  const date = formatDate(expiresAt, i18n.language);
  if (state === 'expired') {
    return <Tag color="red">{t('docking.posting.expired', { date })}</Tag>;
  }
  return (
    <Tag color={state === 'soon' ? 'orange' : 'default'} data-testid="expiry-tag">
      {t('docking.posting.expires', { date })}
    </Tag>
  );
}

/** A party's name, or "匿名发布方 / Anonymous poster" when the API hides it. */
export function PartyName({ party }: { party: Party | null }) {
  const { t } = useTranslation();
  if (!party) {
    return <span data-testid="party-anonymous">{t('docking.posting.anonymousOwner')}</span>;
  }
  return <span>{party.name}</span>;
}
