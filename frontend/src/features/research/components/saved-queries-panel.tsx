import { CaretRightOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useArchiveQuery, useRunSavedQuery, useSavedQueries, useSavedQueryVersions } from '../api/saved-queries';
import type { ParameterSpec, SavedQuery } from '../types';
import { CypherEditor } from './cypher-editor';
import { ExportButton } from './export-buttons';
import { ErrorView, ResultView } from './result-view';

/** One parameter's input; Form.Item passes id, value and onChange through `field`. */
function ParameterInput({ spec, ...field }: { spec: ParameterSpec } & Record<string, unknown>) {
  if (spec.type === 'integer' || spec.type === 'float') {
    return <InputNumber {...field} style={{ width: '100%' }} step={spec.type === 'integer' ? 1 : 0.1} />;
  }
  if (spec.type === 'boolean') {
    return <Switch {...field} />;
  }
  if (spec.type === 'string_list') {
    return <Select {...field} mode="tags" style={{ width: '100%' }} />;
  }
  return <Input {...field} placeholder={spec.type === 'uid' ? 'park:12' : undefined} />;
}

function SavedQueryRunner({ query, onEdit }: { query: SavedQuery; onEdit: (query: SavedQuery) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const versions = useSavedQueryVersions(query.id);
  const run = useRunSavedQuery();
  const archive = useArchiveQuery();
  const current = versions.data?.find((v) => v.number === version) ?? query.current;
  const specs = current?.parameters ?? [];

  const values = () => Object.fromEntries(Object.entries(form.getFieldsValue()).filter(([, v]) => v !== undefined && v !== ''));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={query.name}
        extra={
          <Space>
            <Select
              size="small"
              style={{ width: 140 }}
              value={version ?? query.current?.number}
              onChange={(n) => setVersion(n === query.current?.number ? undefined : n)}
              options={(versions.data ?? []).map((v) => ({ value: v.number, label: t('research.saved.version', { n: v.number }) }))}
              aria-label={t('research.saved.versions')}
            />
            {query.can_edit ? (
              <>
                <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(query)}>
                  {t('research.saved.openInConsole')}
                </Button>
                <Popconfirm
                  title={t('research.saved.archiveConfirm')}
                  onConfirm={() => archive.mutate(query.id, { onError: (e) => void message.error(e.message) })}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} />
                </Popconfirm>
              </>
            ) : null}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {current?.description ? <Typography.Paragraph>{current.description}</Typography.Paragraph> : null}
          <CypherEditor value={current?.cypher ?? ''} readOnly minHeight={60} ariaLabel={t('research.saved.cypher')} />
          <Form form={form} layout="inline" initialValues={Object.fromEntries(specs.map((s) => [s.name, s.default ?? undefined]))}>
            {specs.map((spec) => (
              <Form.Item
                key={spec.name}
                name={spec.name}
                label={spec.label || spec.name}
                required={spec.required}
                valuePropName={spec.type === 'boolean' ? 'checked' : 'value'}
              >
                <ParameterInput spec={spec} />
              </Form.Item>
            ))}
          </Form>
          <Space>
            <Button
              type="primary"
              icon={<CaretRightOutlined />}
              loading={run.isPending}
              onClick={() => run.mutate({ id: query.id, parameters: values(), version })}
              data-testid="run-saved-button"
            >
              {t('research.console.run')}
            </Button>
            <ExportButton
              make={(format) => ({
                kind: 'saved_query',
                format,
                spec: { saved_query_id: query.id, version: version ?? null, parameters: values(), row_cap: 10000 },
              })}
            />
          </Space>
        </Space>
      </Card>
      {run.isError ? <ErrorView error={run.error} /> : null}
      {run.data && !run.isError ? <ResultView answer={run.data} /> : null}
    </Space>
  );
}

/** Shared and own saved queries: pick one, fill its parameters, run it or export it. */
export function SavedQueriesPanel({ onEdit }: { onEdit: (query: SavedQuery) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const queries = useSavedQueries(search);
  const chosen = queries.data?.results.find((q) => q.id === selected) ?? null;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Input.Search placeholder={t('research.saved.search')} allowClear onSearch={setSearch} style={{ marginBottom: 8 }} />
        <List
          bordered
          size="small"
          loading={queries.isPending}
          dataSource={queries.data?.results ?? []}
          locale={{ emptyText: <Empty description={t('research.saved.none')} /> }}
          renderItem={(query) => (
            <List.Item
              onClick={() => setSelected(query.id)}
              style={{ cursor: 'pointer', background: query.id === selected ? '#e6f4ff' : undefined }}
              data-testid="saved-query-item"
            >
              <List.Item.Meta
                title={query.name}
                description={
                  <Space size={4} wrap>
                    <Tag>{t('research.saved.version', { n: query.current?.number ?? 1 })}</Tag>
                    {query.shared ? <Tag color="blue">{t('research.saved.sharedTag')}</Tag> : <Tag>{t('research.saved.private')}</Tag>}
                    <Typography.Text type="secondary">{query.owner.name}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Col>
      <Col xs={24} lg={17}>
        {chosen ? <SavedQueryRunner key={chosen.id} query={chosen} onEdit={onEdit} /> : <Empty description={t('research.saved.pick')} />}
      </Col>
    </Row>
  );
}
