import { DeleteOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

import { ACCEPTED_FILES, MAX_FILE_BYTES, useRemoveItemFile, useUploadItemFile } from '../api/files';
import type { AgendaItem } from '../types';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An item's link attachments, uploaded files (downloaded through the API) and linked entities. */
export function ItemAttachments({ item, canEdit }: { item: AgendaItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveItemFile(item.meeting_id);
  if (item.attachments.length === 0 && item.files.length === 0 && item.linked_uids.length === 0) {
    return null;
  }
  return (
    <Space wrap size={[8, 4]} data-testid={`attachments-${item.id}`}>
      {item.attachments.map((link) => (
        <a key={link.url} href={link.url} target="_blank" rel="noreferrer noopener">
          <LinkOutlined /> {link.name}
        </a>
      ))}
      {item.files.map((file) => (
        <Space key={file.id} size={2}>
          <a href={file.url} download={file.name}>
            <PaperClipOutlined /> {file.name}
          </a>
          <Typography.Text type="secondary">({size(file.size)})</Typography.Text>
          {canEdit ? (
            <Popconfirm
              title={t('alliance.removeFileConfirm', { name: file.name })}
              onConfirm={() => remove.mutate(file, { onError: (error) => void message.error(error.message) })}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('alliance.removeFile', { name: file.name })} />
            </Popconfirm>
          ) : null}
        </Space>
      ))}
      {item.linked_uids.map((uid) => (
        <Tag key={uid} bordered={false} color="processing">
          {uid}
        </Tag>
      ))}
    </Space>
  );
}

/** Upload one file to an item: checked here for size and extension, on the server by its bytes. */
export function FileUploadButton({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadItemFile(item.meeting_id);
  return (
    <Upload
      accept={ACCEPTED_FILES}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > MAX_FILE_BYTES) {
          void message.error(t('alliance.fileTooBig'));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutate(
          { itemId: item.id, file: file as File },
          {
            onSuccess: (row) => {
              onSuccess?.(row);
              void message.success(t('alliance.fileUploaded'));
            },
            onError: (error) => {
              onError?.(error);
              void message.error(error.message);
            },
          },
        );
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={`upload-${item.id}`}>
        {t('alliance.uploadFile')}
      </Button>
    </Upload>
  );
}
