import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined, PlayCircleOutlined, SwapRightOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Input, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/lib/api-client';

import { useReorder, useUpdateItem } from '../api/agenda';
import { useSetCurrentItem } from '../api/meetings';
import type { Agenda, AgendaItem, OrderEntry } from '../types';
import { moveItem, toggleNesting } from '../utils/reorder';
import { DecisionBlock } from './decision-block';
import { ItemAttachments } from './item-files';
import { formatTime } from './status';

/** The secretariat names who presents an item; saved on Enter or when the field is left. */
function PresenterInput({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateItem(item.meeting_id);
  const [value, setValue] = useState(item.presenter);
  const save = () => {
    if (value.trim() === item.presenter) {
      return;
    }
    update.mutate(
      { itemId: item.id, presenter: value.trim() },
      { onSuccess: () => void message.success(t('alliance.presenterSaved')), onError: (error) => void message.error(error.message) },
    );
  };
  return (
    <Input
      size="small"
      value={value}
      maxLength={100}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={save}
      onBlur={save}
      placeholder={t('alliance.assignPresenter')}
      aria-label={t('alliance.presenterOf', { title: item.title })}
      prefix={<UserOutlined />}
      style={{ width: 200 }}
      data-testid={`presenter-${item.id}`}
    />
  );
}

type Props = {
  agenda: Agenda;
  canEdit: boolean;
  canRunLive: boolean;
  viewerParkId: number | null;
};

/**
 * The ordered agenda. The secretariat drags items (or uses the arrows) to reorder and nest
 * them; each save names the agenda version it started from, and a 409 (someone else saved
 * first) shows the current order instead.
 */
export function AgendaList({ agenda, canEdit, canRunLive, viewerParkId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reorder = useReorder(agenda.meeting.id);
  const setCurrent = useSetCurrentItem(agenda.meeting.id);
  const [dragged, setDragged] = useState<number | null>(null);
  const order: OrderEntry[] = agenda.entries.map((entry) => ({ id: entry.item.id, parent_id: entry.item.parent_id }));

  const save = (next: OrderEntry[]) => {
    if (JSON.stringify(next) === JSON.stringify(order)) {
      return;
    }
    reorder.mutate(
      { version: agenda.version, order: next },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            void message.warning(t('alliance.orderConflict'));
          } else {
            void message.error(error.message);
          }
        },
      },
    );
  };
  const move = (index: number, delta: number) => {
    const target = agenda.entries[index + delta];
    if (!target) {
      return;
    }
    const id = agenda.entries[index].item.id;
    const before = delta < 0 ? target.item.id : (agenda.entries[index + 2]?.item.id ?? null);
    save(moveItem(order, id, before));
  };

  if (agenda.entries.length === 0) {
    return <Typography.Text type="secondary">{t('alliance.emptyAgenda')}</Typography.Text>;
  }
  return (
    <List
      dataSource={agenda.entries}
      renderItem={(entry, index) => {
        const current = entry.item.id === agenda.current_item_id;
        return (
          <List.Item
            data-testid={`agenda-entry-${entry.item.id}`}
            draggable={canEdit}
            onDragStart={() => setDragged(entry.item.id)}
            onDragOver={(event) => canEdit && event.preventDefault()}
            onDrop={() => {
              if (dragged != null) {
                save(moveItem(order, dragged, entry.item.id));
              }
              setDragged(null);
            }}
            style={{
              paddingLeft: entry.item.parent_id ? 32 : 8,
              background: current ? 'rgba(22, 119, 255, 0.08)' : undefined,
              borderLeft: current ? '4px solid #1677ff' : '4px solid transparent',
            }}
            actions={[
              ...(canEdit
                ? [
                    <Button key="up" size="small" icon={<ArrowUpOutlined />} aria-label={t('alliance.moveUp')} onClick={() => move(index, -1)} disabled={index === 0} />,
                    <Button key="down" size="small" icon={<ArrowDownOutlined />} aria-label={t('alliance.moveDown')} onClick={() => move(index, 1)} disabled={index === agenda.entries.length - 1} />,
                    <Tooltip key="nest" title={t('alliance.toggleNesting')}>
                      <Button size="small" icon={<SwapRightOutlined />} aria-label={t('alliance.toggleNesting')} onClick={() => save(toggleNesting(order, entry.item.id))} />
                    </Tooltip>,
                  ]
                : []),
              ...(canRunLive && !current
                ? [
                    <Button key="live" size="small" type="primary" icon={<PlayCircleOutlined />} onClick={() => setCurrent.mutate(entry.item.id)}>
                      {t('alliance.makeCurrent')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                {canEdit ? <HolderOutlined style={{ cursor: 'grab' }} /> : null}
                <Typography.Text strong>
                  {entry.number}. {entry.item.title}
                </Typography.Text>
                {current ? <Tag color="blue">{t('alliance.current')}</Tag> : null}
                <Tag>{t(`alliance.itemKind.${entry.item.kind}`)}</Tag>
                <Typography.Text type="secondary">
                  {formatTime(entry.starts_at).slice(11)}–{formatTime(entry.ends_at).slice(11)} · {entry.item.park?.name ?? t('alliance.secretariat')}
                  {entry.item.presenter && !canEdit ? ` · ${t('alliance.presenter')}：${entry.item.presenter}` : ''}
                </Typography.Text>
                {canEdit ? <PresenterInput key={entry.item.presenter} item={entry.item} /> : null}
              </Space>
              <ItemAttachments item={entry.item} canEdit={false} />
              {entry.decisions.map((decision) => (
                <DecisionBlock key={decision.id} meetingId={agenda.meeting.id} decision={decision} canManage={canRunLive} viewerParkId={viewerParkId} />
              ))}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
