import { App, Button, Card, Col, Empty, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useSubmitItem, useSuggestions, useTriage, type ItemInput, type Suggestion } from '../api/agenda';
import { useMeetings } from '../api/meetings';
import type { AgendaItem } from '../types';
import { ItemAttachments } from './item-files';
import { StatusTag } from './status';

type Props = { meetingId: number; items: AgendaItem[]; editable: boolean };

function TriageCard({ meetingId, item, items, editable }: { meetingId: number; item: AgendaItem; items: AgendaItem[]; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const triage = useTriage(meetingId);
  const meetings = useMeetings();
  const [reason, setReason] = useState('');
  const onError = (error: Error) => void message.error(error.message);
  const targets = items.filter((other) => other.id !== item.id && ['submitted', 'accepted'].includes(other.status));
  const later = (meetings.data ?? []).filter((m) => m.id !== meetingId && (m.status === 'draft' || m.status === 'announced'));
  return (
    <Card size="small" title={item.title} extra={<StatusTag status={item.status} />} data-testid={`triage-${item.id}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag>{t(`alliance.itemKind.${item.kind}`)}</Tag>
          <Typography.Text type="secondary">
            {item.park?.name ?? t('alliance.secretariat')} · {t('alliance.minutesRequested', { count: item.requested_minutes })}
          </Typography.Text>
        </Space>
        {item.text ? <Typography.Paragraph ellipsis={{ rows: 3 }}>{item.text}</Typography.Paragraph> : null}
        <ItemAttachments item={item} canEdit={false} />
        {item.reason ? <Typography.Text type="secondary">{item.reason}</Typography.Text> : null}
        {editable && item.status === 'submitted' ? (
          <>
            <Space wrap>
              <Button type="primary" size="small" onClick={() => triage.mutate({ itemId: item.id, action: 'accept' }, { onError })}>
                {t('alliance.accept')}
              </Button>
              <Input size="small" placeholder={t('alliance.reason')} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 160 }} />
              <Button danger size="small" onClick={() => triage.mutate({ itemId: item.id, action: 'reject', reason }, { onError })}>
                {t('alliance.reject')}
              </Button>
            </Space>
            <Space wrap>
              <Select
                size="small"
                style={{ width: 200 }}
                placeholder={t('alliance.mergeInto')}
                options={targets.map((other) => ({ value: other.id, label: other.title }))}
                onChange={(into: number) => triage.mutate({ itemId: item.id, action: 'merge', into_id: into, reason }, { onError })}
              />
              <Select
                size="small"
                style={{ width: 200 }}
                placeholder={t('alliance.deferTo')}
                options={later.map((m) => ({ value: m.id, label: m.title }))}
                onChange={(to: number) => triage.mutate({ itemId: item.id, action: 'defer', to_meeting_id: to, reason }, { onError })}
              />
            </Space>
          </>
        ) : null}
      </Space>
    </Card>
  );
}

/** The secretariat's triage board: columns by status. */
export function TriageBoard({ meetingId, items, editable }: Props) {
  const { t } = useTranslation();
  const columns: { key: 'submitted' | 'accepted' | 'screenedOut'; statuses: string[] }[] = [
    { key: 'submitted', statuses: ['submitted'] },
    { key: 'accepted', statuses: ['accepted'] },
    { key: 'screenedOut', statuses: ['rejected', 'merged', 'deferred'] },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <SuggestionsCard meetingId={meetingId} enabled={editable} />
      <Row gutter={16}>
      {columns.map((column) => {
        const inColumn = items.filter((item) => column.statuses.includes(item.status));
        return (
          <Col span={8} key={column.key}>
            <Typography.Title level={5}>
              {t(`alliance.column.${column.key}`)} ({inColumn.length})
            </Typography.Title>
            <Space direction="vertical" style={{ width: '100%' }}>
              {inColumn.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
              {inColumn.map((item) => (
                <TriageCard key={item.id} meetingId={meetingId} item={item} items={items} editable={editable} />
              ))}
            </Space>
          </Col>
        );
      })}
      </Row>
    </Space>
  );
}

const SUGGESTION_COLOURS: Record<string, string> = { overdue_action: 'red', stalled_project: 'orange', open_docking: 'purple', earlier_decision: 'blue' };

/** What the data suggests for the agenda: overdue action items, stalled joint-investment
 * projects, and earlier decisions still open. */
type Labels = { stalled: string; overdue: string; followUp: string };

function fromSuggestion(s: Suggestion, labels: Labels): ItemInput {
  if (s.source === 'open_docking') {
    return {
      kind: 'project_docking',
      title: `${s.title}${labels.stalled}`.slice(0, 200),
      text: s.detail,
      linked_uids: s.linked_uids ?? [],
    };
  }
  if (s.source === 'stalled_project') {
    return {
      kind: 'project_docking',
      title: `${s.title}${labels.stalled}`.slice(0, 200),
      text: s.detail,
      linked_uids: [`project:${s.ref}`, ...(s.park_id != null ? [`park:${s.park_id}`] : [])],
    };
  }
  return {
    kind: 'major_matter',
    title: `${s.source === 'overdue_action' ? labels.overdue : labels.followUp}${s.title}`.slice(0, 200),
    text: s.detail,
    linked_uids: s.park_id != null ? [`park:${s.park_id}`] : [],
  };
}

function SuggestionsCard({ meetingId, enabled }: { meetingId: number; enabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const suggestions = useSuggestions(meetingId, enabled);
  const submit = useSubmitItem(meetingId);
  const labels: Labels = { stalled: t('alliance.stalledSuffix'), overdue: t('alliance.overduePrefix'), followUp: t('alliance.followUpPrefix') };
  if (!enabled || !suggestions.data || suggestions.data.length === 0) {
    return null;
  }
  return (
    <Card size="small" title={t('alliance.suggestions')} data-testid="suggestions">
      <Space direction="vertical" style={{ width: '100%' }} size={4}>
        {suggestions.data.map((s) => (
          <Space key={`${s.source}-${s.ref}`} wrap>
            <Tag color={SUGGESTION_COLOURS[s.source] ?? 'default'}>{t(`alliance.suggestion.${s.source}`)}</Tag>
            <span>
              {s.title} <Typography.Text type="secondary">{s.detail}</Typography.Text>
              {(s.source === 'stalled_project' || s.source === 'open_docking') && s.days != null ? <Typography.Text type="warning"> · {t('alliance.stalledDays', { count: s.days })}</Typography.Text> : null}
            </span>
            <Button
              size="small"
              type="link"
              onClick={() =>
                submit.mutate(fromSuggestion(s, labels), {
                  onSuccess: () => void message.success(t('alliance.suggestionAdded')),
                  onError: (error) => void message.error(error.message),
                })
              }
            >
              {t('alliance.addAsItem')}
            </Button>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
