import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  useAnalyticsOptions,
  useCentrality,
  useChainGaps,
  useCollaboration,
  useCommunities,
  usePaths,
  type AnalyticsParams,
} from '../api/analytics';
import { useReference } from '../api/reference';
import type { Centrality, ChainGaps, Collaboration, Communities, RankedNode } from '../types';
import { EChart, type ChartOption } from '@/components/echart';
import { ExportButton } from './export-buttons';
import { ErrorView } from './result-view';
import { GraphView } from './graph-view';

type FilterValues = { labels?: string[]; city?: number; industry?: number; types?: string[]; max_nodes?: number };

function filterParams(values: FilterValues): AnalyticsParams {
  return {
    label: values.labels?.length ? values.labels.join(',') : undefined,
    city: values.city,
    industry: values.industry,
    types: values.types?.length ? values.types.join(',') : undefined,
    max_nodes: values.max_nodes,
  };
}

function SubgraphFilterForm({ onSubmit, extra }: { onSubmit: (params: AnalyticsParams) => void; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const options = useAnalyticsOptions();
  const reference = useReference();
  const [form] = Form.useForm<FilterValues & Record<string, unknown>>();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      onFinish={(values) => {
        const { labels, city, industry, types, max_nodes, ...rest } = values;
        onSubmit({ ...filterParams({ labels, city, industry, types, max_nodes }), ...(rest as AnalyticsParams) });
      }}
    >
      <Form.Item name="labels" label={t('research.analytics.labels')}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 200 }}
          placeholder={(options.data?.default_labels ?? []).join(', ')}
          options={(options.data?.labels ?? []).map((l) => ({ value: l, label: l }))}
        />
      </Form.Item>
      <Form.Item name="city" label={t('research.analytics.city')}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 140 }} options={reference.cities.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="industry" label={t('research.analytics.industry')}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} options={reference.industries.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="types" label={t('research.analytics.types')}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('research.analytics.defaultTypes')}
          options={(options.data?.types ?? []).map((l) => ({ value: l, label: l }))}
        />
      </Form.Item>
      <Form.Item name="max_nodes" label={t('research.analytics.maxNodes')}>
        <InputNumber min={1} max={options.data?.max_nodes.max ?? 200000} placeholder={String(options.data?.max_nodes.default ?? 20000)} />
      </Form.Item>
      {extra}
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="analytics-submit">
          {t('research.analytics.compute')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function barOption(nodes: RankedNode[]): ChartOption {
  const shown = [...nodes].reverse();
  return {
    grid: { left: 160, right: 24, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((n) => n.name), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{ type: 'bar', data: shown.map((n) => n.score), itemStyle: { color: '#1f6f8b' } }],
  };
}

function CentralityView({ data }: { data: Centrality }) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<'degree' | 'betweenness' | 'pagerank'>('pagerank');
  const top = data.top[measure] ?? [];
  const distribution: ChartOption = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 8, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', name: t('research.analytics.degree'), data: data.distribution.map((d) => d.degree) },
      yAxis: { type: 'log', name: t('research.analytics.nodeCount') },
      series: [{ type: 'bar', data: data.distribution.map((d) => d.count), itemStyle: { color: '#52c41a' } }],
    }),
    [data.distribution, t],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="large" wrap>
        <Statistic title={t('research.analytics.nodes')} value={data.nodes} />
        <Statistic title={t('research.analytics.edges')} value={data.edges} />
        <Statistic title={t('research.analytics.computeMs')} value={Math.round(data.read_ms + data.compute_ms)} suffix="ms" />
        {!data.betweenness_exact ? <Tag color="orange">{t('research.analytics.sampled')}</Tag> : null}
      </Space>
      <Select
        value={measure}
        onChange={setMeasure}
        style={{ width: 200 }}
        options={(['pagerank', 'betweenness', 'degree'] as const)
          .filter((m) => data.top[m])
          .map((m) => ({ value: m, label: t(`research.analytics.measure.${m}`) }))}
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('research.analytics.top', { measure: t(`research.analytics.measure.${measure}`) })}>
            <EChart option={barOption(top)} height={Math.max(240, top.length * 22)} testId="centrality-chart" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('research.analytics.distribution')}>
            <EChart option={distribution} height={300} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function CommunitiesView({ data }: { data: Communities }) {
  const { t } = useTranslation();
  const nodes = useMemo(
    () => data.graph.nodes.map((n) => ({ id: n.uid, label: n.label, name: n.name, group: Number(n.props.community) })),
    [data.graph.nodes],
  );
  const edges = useMemo(() => data.graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: '' })), [data.graph.edges]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="large" wrap>
        <Statistic title={t('research.analytics.communityCount')} value={data.count} />
        <Statistic title={t('research.analytics.modularity')} value={data.modularity} precision={3} />
        <Statistic title={t('research.analytics.nodes')} value={data.nodes} />
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10 }}
            dataSource={data.communities}
            columns={[
              { title: '#', dataIndex: 'id', width: 50 },
              { title: t('research.analytics.size'), dataIndex: 'size', width: 80 },
              {
                title: t('research.analytics.composition'),
                key: 'labels',
                render: (_: unknown, c: Communities['communities'][number]) =>
                  Object.entries(c.labels)
                    .slice(0, 3)
                    .map(([label, n]) => `${label} ${n}`)
                    .join(' · '),
              },
              { title: t('research.analytics.cities'), key: 'cities', render: (_: unknown, c: Communities['communities'][number]) => c.cities.map((x) => x.name).join('、') },
              { title: t('research.analytics.members'), key: 'members', render: (_: unknown, c: Communities['communities'][number]) => c.members.slice(0, 4).map((m) => m.name).join('、') },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <GraphView nodes={nodes} edges={edges} height={460} />
        </Col>
      </Row>
    </Space>
  );
}

function ChainGapsView({ data }: { data: ChainGaps }) {
  const { t } = useTranslation();
  if (!data.in_graph) {
    return <Alert type="info" message={t('research.analytics.notInGraph')} />;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('research.analytics.peers')}:</span>
        {data.peers.length ? data.peers.map((p) => <Tag key={p.uid}>{`${p.name} (${p.tie})`}</Tag>) : <Tag>{t('research.analytics.noPeers')}</Tag>}
      </Space>
      <Table
        size="small"
        rowKey={(g) => g.industry.uid}
        dataSource={data.gaps}
        data-testid="chain-gaps-table"
        locale={{ emptyText: <Empty description={t('research.analytics.noGaps')} /> }}
        columns={[
          { title: t('research.analytics.industry'), key: 'industry', render: (_: unknown, g: ChainGaps['gaps'][number]) => g.industry.name },
          {
            title: t('research.analytics.direction'),
            dataIndex: 'direction',
            render: (v: string) => <Tag color={v === 'upstream' ? 'blue' : 'green'}>{t(`research.analytics.dir.${v}` as 'research.analytics.dir.upstream')}</Tag>,
          },
          { title: t('research.analytics.anchors'), key: 'anchors', render: (_: unknown, g: ChainGaps['gaps'][number]) => g.anchors.map((a) => a.name).join('、') },
          { title: t('research.analytics.own'), key: 'own', render: (_: unknown, g: ChainGaps['gaps'][number]) => g.own.score.toFixed(2) },
          { title: t('research.analytics.bestPeer'), key: 'peer', render: (_: unknown, g: ChainGaps['gaps'][number]) => `${g.peers[0]?.name ?? ''} ${g.peers[0]?.score.toFixed(2) ?? ''}` },
          { title: t('research.analytics.gap'), dataIndex: 'gap', render: (v: number) => v.toFixed(2) },
        ]}
      />
    </Space>
  );
}

function CollaborationView({ data }: { data: Collaboration }) {
  const { t } = useTranslation();
  const names = data.parks.map((p) => p.name);
  const cells = data.strength.flatMap((row, i) => row.map((value, j) => [j, i, value]));
  const max = Math.max(1, ...data.strength.flat());
  const option: ChartOption = {
    tooltip: {
      formatter: (p: { data: number[] }) => `${names[p.data[1]]} ↔ ${names[p.data[0]]}: ${p.data[2]}`,
    },
    grid: { left: 120, right: 24, top: 16, bottom: 110 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 45 } },
    yAxis: { type: 'category', data: names },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ type: 'heatmap', data: cells }],
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('research.analytics.strengthNote', { weight: data.tie_weight })} />
      <EChart option={option} height={Math.max(360, names.length * 22 + 140)} testId="collaboration-chart" />
    </Space>
  );
}

type RunnerProps<T> = {
  hook: (p: AnalyticsParams | null) => { data?: T; error: Error | null; isFetching: boolean };
  render: (data: T) => React.ReactNode;
  form: (submit: (p: AnalyticsParams) => void, params: AnalyticsParams | null) => React.ReactNode;
};

function Runner<T>({ hook, render, form }: RunnerProps<T>) {
  const [params, setParams] = useState<AnalyticsParams | null>(null);
  const result = hook(params);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {form(setParams, params)}
      {result.error ? <ErrorView error={result.error} /> : null}
      {result.isFetching ? <Card loading /> : result.data ? render(result.data) : null}
    </Space>
  );
}

/** Centrality, communities, chain gaps, collaboration and paths, each with its form. */
export function AnalyticsPanel() {
  const { t } = useTranslation();
  const reference = useReference();
  const parkOptions = reference.parks.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Tabs
      items={[
        {
          key: 'centrality',
          label: t('research.analytics.centrality'),
          children: (
            <Runner
              hook={useCentrality}
              render={(data: Centrality) => <CentralityView data={data} />}
              form={(submit, params) => (
                <Space direction="vertical">
                  <SubgraphFilterForm onSubmit={(p) => submit({ ...p, top: 20 })} />
                  {params ? (
                    <ExportButton
                      make={(format) => ({ kind: 'subgraph', format, spec: { filter: { ...params, top: undefined } } })}
                    />
                  ) : null}
                </Space>
              )}
            />
          ),
        },
        {
          key: 'communities',
          label: t('research.analytics.communities'),
          children: (
            <Runner
              hook={useCommunities}
              render={(data: Communities) => <CommunitiesView data={data} />}
              form={(submit) => (
                <SubgraphFilterForm
                  onSubmit={submit}
                  extra={
                    <>
                      <Form.Item name="method" label={t('research.analytics.method')} initialValue="louvain">
                        <Select style={{ width: 120 }} options={[{ value: 'louvain', label: 'Louvain' }, { value: 'leiden', label: 'Leiden' }]} />
                      </Form.Item>
                      <Form.Item name="resolution" label={t('research.analytics.resolution')} initialValue={1}>
                        <InputNumber min={0.05} max={10} step={0.1} />
                      </Form.Item>
                    </>
                  }
                />
              )}
            />
          ),
        },
        {
          key: 'chain-gaps',
          label: t('research.analytics.chainGaps'),
          children: (
            <Runner
              hook={useChainGaps}
              render={(data: ChainGaps) => <ChainGapsView data={data} />}
              form={(submit) => (
                <Form layout="inline" onFinish={(v: { park: number }) => submit({ park: v.park })}>
                  <Form.Item name="park" label={t('research.analytics.park')} rules={[{ required: true }]}>
                    <Select showSearch optionFilterProp="label" style={{ width: 240 }} options={parkOptions} data-testid="chain-gaps-park" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('research.analytics.compute')}
                  </Button>
                </Form>
              )}
            />
          ),
        },
        {
          key: 'collaboration',
          label: t('research.analytics.collaboration'),
          children: (
            <Runner
              hook={useCollaboration}
              render={(data: Collaboration) => <CollaborationView data={data} />}
              form={(submit) => (
                <Form layout="inline" onFinish={(v: { parks?: number[]; city?: number }) => submit({ parks: v.parks?.join(',') || undefined, city: v.city })}>
                  <Form.Item name="parks" label={t('research.analytics.parks')}>
                    <Select mode="multiple" allowClear optionFilterProp="label" style={{ minWidth: 320 }} options={parkOptions} />
                  </Form.Item>
                  <Form.Item name="city" label={t('research.analytics.city')}>
                    <Select allowClear style={{ width: 140 }} options={reference.cities.map((c) => ({ value: c.id, label: c.name }))} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('research.analytics.compute')}
                  </Button>
                </Form>
              )}
            />
          ),
        },
        {
          key: 'paths',
          label: t('research.analytics.paths'),
          children: (
            <Runner
              hook={usePaths}
              render={(data) =>
                data.found ? (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Tag color="green">{t('research.analytics.pathsFound', { count: data.paths.length, length: data.length ?? 0 })}</Tag>
                    <GraphView
                      nodes={data.nodes.map((n) => ({ id: n.uid, label: n.label, name: n.name }))}
                      edges={data.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type }))}
                    />
                  </Space>
                ) : (
                  <Alert type="info" message={data.missing.length ? t('research.analytics.missing', { uids: data.missing.join(', ') }) : t('research.analytics.noPath')} />
                )
              }
              form={(submit) => (
                <Form layout="inline" onFinish={(v: { source: string; target: string; max_hops?: number }) => submit(v)}>
                  <Form.Item name="source" label={t('research.analytics.source')} rules={[{ required: true }]}>
                    <Input placeholder="park:12" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name="target" label={t('research.analytics.target')} rules={[{ required: true }]}>
                    <Input placeholder="org:345" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name="max_hops" label={t('research.analytics.maxHops')} initialValue={6}>
                    <InputNumber min={1} max={8} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('research.analytics.compute')}
                  </Button>
                </Form>
              )}
            />
          ),
        },
      ]}
    />
  );
}
