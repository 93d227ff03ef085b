import { LockOutlined } from '@ant-design/icons';
import { Alert, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConsoleAnswer } from '../types';
import { formatCell, hasMask } from '../utils/cells';
import { GraphView } from './graph-view';

/** A console answer: the table and the graph side by side, with what was cut short. */
export function ResultView({ answer }: { answer: ConsoleAnswer }) {
  const { t } = useTranslation();
  const columns = useMemo(
    () =>
      answer.columns.map((name, index) => ({
        title: name,
        key: `${index}`,
        dataIndex: index,
        ellipsis: true,
        render: (value: unknown) => (
          <Space size={4}>
            {hasMask(value) ? <LockOutlined title={t('research.result.masked')} /> : null}
            <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{formatCell(value)}</Typography.Text>
          </Space>
        ),
      })),
    [answer.columns, t],
  );
  const rows = useMemo(
    () => answer.rows.map((row, i) => Object.fromEntries([['key', i], ...row.map((cell, j) => [j, cell])])),
    [answer.rows],
  );
  const nodes = useMemo(
    () => answer.nodes.map((n) => ({ id: n.id, label: n.label, name: n.name })),
    [answer.nodes],
  );
  const edges = useMemo(
    () => answer.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type })),
    [answer.edges],
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="console-result">
      <Space wrap>
        <Tag color="green" data-testid="result-summary">
          {t('research.result.summary', {
            rows: answer.rows.length,
            ms: Math.round(answer.run.duration_ms ?? answer.run_ms),
          })}
        </Tag>
        {answer.capped ? <Tag color="orange">{t('research.result.capped')}</Tag> : null}
        {answer.graph_capped ? <Tag color="orange">{t('research.result.graphCapped')}</Tag> : null}
        {answer.truncated_cells ? <Tag color="orange">{t('research.result.truncated')}</Tag> : null}
        {answer.masked ? (
          <Tag icon={<LockOutlined />} color="purple">
            {t('research.result.masked')}
          </Tag>
        ) : null}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={answer.nodes.length ? 12 : 24}>
          <Table
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: true }}
            locale={{ emptyText: <Empty description={t('research.result.noRows')} /> }}
            data-testid="result-table"
          />
        </Col>
        {answer.nodes.length ? (
          <Col xs={24} xl={12}>
            <GraphView nodes={nodes} edges={edges} />
          </Col>
        ) : null}
      </Row>
    </Space>
  );
}

/** A refusal, a timeout or a failure, with the guard's reason. */
export function ErrorView({ error }: { error: Error & { code?: string; detail?: unknown } }) {
  const { t } = useTranslation();
  const detail = (error.detail ?? {}) as { reason?: string };
  return (
    <Alert
      type={error.code === 'query_timeout' ? 'warning' : 'error'}
      showIcon
      data-testid="console-error"
      message={error.message}
      description={detail.reason ? t('research.result.reason', { reason: detail.reason }) : undefined}
    />
  );
}
