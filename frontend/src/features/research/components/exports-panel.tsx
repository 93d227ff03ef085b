import { Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useExports } from '../api/exports';
import { useExportEvents } from '../hooks/use-export-events';
import type { ExportJob } from '../types';

function size(bytes: number | null): string {
  if (bytes == null) {
    return '';
  }
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The user's exports with live progress (socket events refetch the list) and downloads. */
export function ExportsPanel() {
  const { t } = useTranslation();
  const jobs = useExports();
  useExportEvents();
  return (
    <Table<ExportJob>
      size="small"
      rowKey="id"
      loading={jobs.isPending}
      dataSource={jobs.data?.results ?? []}
      data-testid="exports-table"
      pagination={false}
      columns={[
        { title: '#', dataIndex: 'id', width: 60 },
        { title: t('research.exports.kind'), dataIndex: 'kind', render: (v: string) => t(`research.exports.kinds.${v}` as 'research.exports.kinds.query') },
        { title: t('research.exports.formatLabel'), dataIndex: 'format', render: (v: string) => v.toUpperCase() },
        {
          title: t('research.exports.status'),
          key: 'status',
          width: 220,
          render: (_: unknown, job: ExportJob) =>
            job.status === 'failed' ? (
              <Tag color="red" title={job.error?.message}>
                {job.error?.message ?? t('research.exports.failed')}
              </Tag>
            ) : (
              <Progress percent={job.progress} size="small" status={job.status === 'done' ? 'success' : 'active'} />
            ),
        },
        {
          title: t('research.exports.contents'),
          key: 'contents',
          render: (_: unknown, job: ExportJob) =>
            job.status === 'done'
              ? t('research.exports.counts', { rows: job.rows ?? 0, nodes: job.nodes ?? 0, edges: job.edges ?? 0 })
              : '',
        },
        {
          title: '',
          key: 'download',
          render: (_: unknown, job: ExportJob) =>
            job.download_url ? (
              <Typography.Link href={job.download_url} data-testid="export-download">
                {t('research.exports.download')} {size(job.file_size)}
              </Typography.Link>
            ) : null,
        },
      ]}
    />
  );
}
