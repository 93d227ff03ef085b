import { CaretRightOutlined, CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '@/lib/api-client';

import { useConsoleSchema, useRunConsole } from '../api/console';
import { useSaveQuery } from '../api/saved-queries';
import type { ParameterType } from '../types';
import { parseParameters } from '../utils/cells';
import { CypherEditor } from './cypher-editor';
import { ExportButton } from './export-buttons';
import { ErrorView, ResultView } from './result-view';

export type Draft = { cypher: string; parameters: string };

export const EXAMPLE_QUERY = 'MATCH (p:Park)-[h:HOSTS]->(o:Organisation)\nRETURN p, h, o\nLIMIT 50';

function guessType(value: unknown): ParameterType {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'float';
  }
  if (typeof value === 'boolean') {
    return 'boolean';
  }
  if (Array.isArray(value)) {
    return 'string_list';
  }
  return typeof value === 'string' && /^[a-z]+:[\w-]+$/.test(value) ? 'uid' : 'string';
}

/** Free read-only Cypher: editor, parameters, limits, run, the table and the graph. */
export function ConsolePanel({ draft, onDraft }: { draft: Draft; onDraft: (draft: Draft) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schema = useConsoleSchema();
  const run = useRunConsole();
  const save = useSaveQuery();
  const [timeout, setTimeoutS] = useState(5);
  const [rowCap, setRowCap] = useState(1000);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; description: string; shared: boolean }>();
  const parsed = parseParameters(draft.parameters);

  const execute = () => {
    if ('error' in parsed) {
      return;
    }
    run.mutate({ cypher: draft.cypher, parameters: parsed.value, timeout_s: timeout, row_cap: rowCap });
  };

  const check = async () => {
    if ('error' in parsed) {
      return;
    }
    try {
      await api.post('/api/research/console/check', { cypher: draft.cypher, parameters: parsed.value });
      void message.success(t('research.console.checkOk'));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  const saveAs = async () => {
    const values = await form.validateFields();
    const parameters = 'value' in parsed ? parsed.value : {};
    save.mutate(
      {
        id: null,
        input: {
          ...values,
          cypher: draft.cypher,
          parameters: Object.entries(parameters).map(([name, value]) => ({
            name,
            type: guessType(value),
            label: name,
            default: value,
            required: false,
          })),
        },
      },
      {
        onSuccess: () => {
          setSaving(false);
          void message.success(t('research.saved.savedOk'));
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <CypherEditor
            value={draft.cypher}
            onChange={(cypher) => onDraft({ ...draft, cypher })}
            onRun={execute}
            ariaLabel={t('research.console.editor')}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('research.console.hint', {
              hops: schema.data?.limits.max_path_hops ?? 10,
              procedures: (schema.data?.procedures ?? []).join(', '),
            })}
          </Typography.Text>
          <Input.TextArea
            value={draft.parameters}
            onChange={(event) => onDraft({ ...draft, parameters: event.target.value })}
            placeholder={t('research.console.parametersPlaceholder')}
            autoSize={{ minRows: 1, maxRows: 6 }}
            style={{ fontFamily: 'monospace' }}
            aria-label={t('research.console.parameters')}
            status={'error' in parsed ? 'error' : undefined}
          />
          {'error' in parsed ? <Alert type="error" showIcon message={t('research.console.parametersInvalid')} /> : null}
          <Space wrap>
            <Button type="primary" icon={<CaretRightOutlined />} onClick={execute} loading={run.isPending} data-testid="run-button">
              {t('research.console.run')}
            </Button>
            <Button icon={<CheckOutlined />} onClick={() => void check()}>
              {t('research.console.check')}
            </Button>
            <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>
              {t('research.console.saveAs')}
            </Button>
            <ExportButton
              disabled={'error' in parsed}
              make={(format) => ({
                kind: 'query',
                format,
                spec: { cypher: draft.cypher, parameters: 'value' in parsed ? parsed.value : {}, row_cap: 10000 },
              })}
            />
            <span>{t('research.console.timeout')}</span>
            <InputNumber aria-label={t('research.console.timeout')} min={0.5} max={schema.data?.limits.timeout_s.max ?? 30} step={1} value={timeout} onChange={(v) => setTimeoutS(v ?? 5)} />
            <span>{t('research.console.rowCap')}</span>
            <InputNumber aria-label={t('research.console.rowCap')} min={1} max={schema.data?.limits.row_cap.max ?? 10000} step={100} value={rowCap} onChange={(v) => setRowCap(v ?? 1000)} />
          </Space>
        </Space>
      </Card>
      {run.isError ? <ErrorView error={run.error} /> : null}
      {run.data && !run.isError ? <ResultView answer={run.data} /> : null}
      <Modal
        open={saving}
        title={t('research.console.saveAs')}
        onOk={() => void saveAs()}
        onCancel={() => setSaving(false)}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ shared: true, description: '' }}>
          <Form.Item name="name" label={t('research.saved.name')} rules={[{ required: true, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('research.saved.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item name="shared" label={t('research.saved.shared')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
