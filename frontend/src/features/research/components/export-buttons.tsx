import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';

import { useCreateExport, type ExportInput } from '../api/exports';
import type { ExportFormat } from '../types';

const FORMATS: ExportFormat[] = ['csv', 'json', 'graphml'];

/** "Export as …": small exports come back done (and download at once), large ones are queued
 * and appear in the exports tab with their progress. */
export function ExportButton({ make, disabled }: { make: (format: ExportFormat) => ExportInput; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateExport();
  return (
    <Dropdown
      disabled={disabled}
      menu={{
        items: FORMATS.map((format) => ({ key: format, label: t(`research.exports.format.${format}`) })),
        onClick: ({ key }) =>
          create.mutate(make(key as ExportFormat), {
            onSuccess: (job) => {
              if (job.status === 'done' && job.download_url) {
                window.location.assign(job.download_url);
              } else if (job.status === 'failed') {
                void message.error(job.error?.message ?? t('research.exports.failed'));
              } else {
                void message.info(t('research.exports.queued'));
              }
            },
            onError: (error) => void message.error(error.message),
          }),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={create.isPending} data-testid="export-button">
        {t('research.exports.export')}
      </Button>
    </Dropdown>
  );
}
