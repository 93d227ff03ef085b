import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useVocabulary } from '../api/admin';
import { useRequest } from '../api/requests';
import { useMessages, usePostMessage, useThread, useThreads } from '../api/threads';
import { useDockingViewer } from '../hooks/use-docking-viewer';
import { useThreadRoom } from '../hooks/use-thread-room';
import type { Message, Thread } from '../types';
import { formatBytes, formatDateTime } from '../utils/format';
import { RequestActions } from './request-actions';
import { PartyName, RequestStatusTag } from './tags';

/** What the server accepts (it checks the bytes; this only spares a pointless upload). */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx';
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** /docking/threads: the conversations of the viewer's side. */
export function ThreadsPage() {
  const { t, i18n } = useTranslation();
  const threads = useThreads();
  return (
    <Card title={t('docking.threads.title')}>
      {threads.error ? <Alert type="error" showIcon message={threads.error.message} /> : null}
      <Table<Thread>
        rowKey="id"
        loading={threads.isLoading}
        dataSource={threads.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('docking.threads.subject'),
            dataIndex: 'subject',
            render: (subject: string, thread) => <Link to={`/docking/threads/${thread.id}`}>{subject}</Link>,
          },
          {
            title: t('docking.threads.sides'),
            key: 'sides',
            render: (_: unknown, thread) => (
              <span>
                <PartyName party={thread.side_a} /> ⇄ {thread.side_b.name}
              </span>
            ),
          },
          {
            title: t('docking.threads.lastMessage'),
            dataIndex: 'last_message_at',
            render: (value: string | null) => formatDateTime(value, i18n.language),
          },
        ]}
      />
    </Card>
  );
}

/** /docking/threads/:id — the live conversation of a docking request. */
export function ThreadPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const thread = useThread(id);
  const requestId = thread.data?.request_id ?? null;
  const request = useRequest(requestId ?? 0, requestId != null);
  useThreadRoom(id, requestId);

  if (thread.error) {
    return <Alert type="error" showIcon message={thread.error.message} data-testid="thread-error" />;
  }
  if (!thread.data) {
    return <Card loading />;
  }
  const th = thread.data;
  const ended = request.data ? request.data.status === 'declined' || request.data.status === 'closed' : false;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="thread-page">
      <Card
        title={<span data-testid="thread-subject">{th.subject}</span>}
        extra={request.data ? <RequestStatusTag status={request.data.status} /> : null}
      >
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text>
            {t('docking.threads.sideA')}: <PartyName party={th.side_a} /> · {t('docking.threads.sideB')}: {th.side_b.name}
          </Typography.Text>
          {request.data ? (
            <>
              <Link to={`/docking/requests/${request.data.id}`}>{t('docking.threads.viewRequest')}</Link>
              <RequestActions request={request.data} showThreadLink={false} />
            </>
          ) : null}
          {th.project_id ? (
            <Link to={`/matching/projects/${th.project_id}`}>{t('docking.requests.viewProject', { id: th.project_id })}</Link>
          ) : null}
        </Space>
      </Card>
      <Card title={t('docking.threads.conversation')} styles={{ body: { padding: 0 } }}>
        <MessageList threadId={id} />
        <Composer threadId={id} ended={ended} />
      </Card>
    </Space>
  );
}

function MessageList({ threadId }: { threadId: number }) {
  const { t } = useTranslation();
  const messages = useMessages(threadId);
  const bottom = useRef<HTMLDivElement>(null);
  const count = messages.data?.length ?? 0;

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  return (
    <div style={{ maxHeight: 480, overflowY: 'auto', padding: 16 }} data-testid="message-list">
      {messages.error ? <Alert type="error" showIcon message={messages.error.message} /> : null}
      {count === 0 && !messages.isLoading ? <Empty description={t('docking.threads.noMessages')} /> : null}
      {(messages.data ?? []).map((message) => (
        <MessageBubble key={message.id} message={message} />
      ))}
      <div ref={bottom} />
    </div>
  );
}

function MessageBubble({ message }: { message: Message }) {
  const { t, i18n } = useTranslation();
  return (
    <div
      style={{ display: 'flex', justifyContent: message.mine ? 'flex-end' : 'flex-start', marginBottom: 12 }}
      data-testid="message"
      data-mine={message.mine ? 'true' : 'false'}
    >
      <div
        style={{
          maxWidth: '75%',
          background: message.mine ? '#e6f4ff' : message.side === 'secretariat' ? '#fffbe6' : '#f5f5f5',
          borderRadius: 8,
          padding: '8px 12px',
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {message.sender || t(`docking.threads.side.${message.side}`)} · {formatDateTime(message.created_at, i18n.language)}
        </Typography.Text>
        {message.body ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="message-body">
            {message.body}
          </Typography.Paragraph>
        ) : null}
        {message.attachment ? (
          <div>
            <a href={message.attachment.url} download={message.attachment.name} data-testid="attachment-link">
              <PaperClipOutlined /> {message.attachment.name}
            </a>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ({formatBytes(message.attachment.size)})
            </Typography.Text>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Composer({ threadId, ended }: { threadId: number; ended: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useDockingViewer();
  const vocabulary = useVocabulary();
  const post = usePostMessage(threadId);
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const maxBytes = vocabulary.data?.attachment_max_bytes ?? DEFAULT_MAX_BYTES;

  if (!viewer.canWrite) {
    return null;
  }
  if (ended) {
    return (
      <Alert type="info" showIcon message={t('docking.threads.ended')} style={{ margin: 16 }} banner data-testid="thread-ended" />
    );
  }

  const send = () => {
    const text = body.trim();
    if ((!text && !file) || post.isPending) {
      return;
    }
    post.mutate(
      { body: text, file },
      {
        onSuccess: () => {
          setBody('');
          setFile(null);
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };

  return (
    <div style={{ borderTop: '1px solid rgba(5,5,5,0.06)', padding: 16 }} data-testid="composer">
      {file ? (
        <Tag closable onClose={() => setFile(null)} icon={<PaperClipOutlined />} style={{ marginBottom: 8 }} data-testid="chosen-file">
          {file.name} ({formatBytes(file.size)})
        </Tag>
      ) : null}
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            // Enter sends; Shift+Enter is a new line; Enter that ends an IME composition is not a send.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={5000}
          placeholder={t('docking.threads.placeholder')}
          aria-label={t('docking.threads.placeholder')}
          data-testid="message-input"
        />
        <Upload
          accept={ACCEPTED_FILES}
          showUploadList={false}
          beforeUpload={(chosen) => {
            if (chosen.size > maxBytes) {
              void message.error(t('docking.threads.tooLarge', { size: formatBytes(maxBytes) }));
            } else {
              setFile(chosen);
            }
            return false;
          }}
        >
          <Button icon={<PaperClipOutlined />} aria-label={t('docking.threads.attach')} data-testid="attach" />
        </Upload>
        <Button type="primary" icon={<SendOutlined />} onClick={send} loading={post.isPending} data-testid="send-message">
          {t('docking.threads.send')}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('docking.threads.hint', { size: formatBytes(maxBytes) })}
      </Typography.Text>
    </div>
  );
}
