import { Button, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useRuns } from '../api/runs';
import type { ConsoleRun } from '../types';

const OUTCOME_COLOURS: Record<string, string> = {
  ok: 'green',
  refused: 'red',
  timeout: 'orange',
  failed: 'volcano',
  forbidden: 'magenta',
  busy: 'gold',
  unavailable: 'default',
  running: 'processing',
};

/** The audit: one's own runs, or everyone's for the secretariat. */
export function HistoryPanel({ canSeeAll, onOpen }: { canSeeAll: boolean; onOpen?: (run: ConsoleRun) => void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [page, setPage] = useState(1);
  const runs = useRuns(scope, page);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canSeeAll ? (
        <Segmented
          value={scope}
          onChange={(value) => {
            setScope(value as 'mine' | 'all');
            setPage(1);
          }}
          options={[
            { value: 'mine', label: t('research.history.mine') },
            { value: 'all', label: t('research.history.all') },
          ]}
        />
      ) : null}
      <Table<ConsoleRun>
        size="small"
        rowKey="id"
        loading={runs.isFetching}
        dataSource={runs.data?.results ?? []}
        data-testid="history-table"
        pagination={{ current: page, pageSize: 20, total: runs.data?.count ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('research.history.when'), dataIndex: 'started_at', width: 170, render: (v: string) => new Date(v).toLocaleString() },
          ...(scope === 'all' ? [{ title: t('research.history.who'), key: 'user', render: (_: unknown, r: ConsoleRun) => r.user.name }] : []),
          {
            title: t('research.history.query'),
            key: 'query',
            ellipsis: true,
            render: (_: unknown, r: ConsoleRun) => (
              <Tooltip title={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.cypher}</pre>}>
                <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {r.saved_query ? `★ ${r.saved_query.name} v${r.saved_query.version}` : r.cypher}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: t('research.history.outcome'),
            key: 'outcome',
            width: 130,
            render: (_: unknown, r: ConsoleRun) => (
              <Tooltip title={r.message || undefined}>
                <Tag color={OUTCOME_COLOURS[r.outcome] ?? 'default'}>{r.outcome_label}</Tag>
              </Tooltip>
            ),
          },
          { title: t('research.history.rows'), dataIndex: 'rows', width: 80 },
          { title: t('research.history.ms'), dataIndex: 'duration_ms', width: 90, render: (v: number | null) => (v == null ? '' : Math.round(v)) },
          ...(onOpen
            ? [
                {
                  title: '',
                  key: 'open',
                  width: 90,
                  render: (_: unknown, r: ConsoleRun) =>
                    r.saved_query ? null : (
                      <Button size="small" type="link" onClick={() => onOpen(r)}>
                        {t('research.history.open')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
