import { Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { NODE_LABELS, type GraphNode } from '../types';
import type { ExplorerGraph } from '../utils/graph-model';
import { translateOr } from '../utils/translate';
import { NodeSwatch } from './node-swatch';

type Row = GraphNode & { degree: number };

type Props = {
  graph: ExplorerGraph;
  selected: string | null;
  filteredOut: ReadonlySet<string>;
  onSelect: (uid: string) => void;
};

/** Every node on the canvas as a sortable, searchable table (and a keyboard path to each). */
export function NodeList({ graph, selected, filteredOut, onSelect }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');

  const rows = useMemo<Row[]>(() => {
    const degree = new Map<string, number>();
    for (const edge of graph.edges.values()) {
      degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
      degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    }
    const needle = q.trim().toLowerCase();
    return [...graph.nodes.values()]
      .filter((node) => !needle || node.name.toLowerCase().includes(needle) || node.uid.includes(needle))
      .map((node) => ({ ...node, degree: degree.get(node.uid) ?? 0 }));
  }, [graph, q]);

  const labelsPresent = useMemo(() => [...new Set([...graph.nodes.values()].map((node) => node.label))], [graph.nodes]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="node-list">
      <Input.Search allowClear size="small" placeholder={t('explorer.list.filter')} value={q} onChange={(e) => setQ(e.target.value)} />
      <Table<Row>
        size="small"
        rowKey="uid"
        dataSource={rows}
        pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ y: 440 }}
        onRow={(row) => ({
          onClick: () => onSelect(row.uid),
          style: { cursor: 'pointer', background: row.uid === selected ? '#e6f4ff' : undefined },
          'data-uid': row.uid,
        }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('explorer.list.name'),
            key: 'name',
            ellipsis: true,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'),
            render: (_, row) => (
              <Space size={6}>
                <NodeSwatch label={row.label} size={10} />
                <Typography.Text type={filteredOut.has(row.uid) ? 'secondary' : undefined} delete={false}>
                  {row.name}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('explorer.list.label'),
            key: 'label',
            width: 90,
            filters: labelsPresent.map((label) => ({ text: translateOr(t, `explorer.labels.${label}`, label), value: label })),
            onFilter: (value, row) => row.label === value,
            sorter: (a, b) =>
              (NODE_LABELS as readonly string[]).indexOf(a.label) - (NODE_LABELS as readonly string[]).indexOf(b.label),
            render: (_, row) => translateOr(t, `explorer.labels.${row.label}`, row.label),
          },
          {
            title: t('explorer.list.degree'),
            dataIndex: 'degree',
            key: 'degree',
            width: 70,
            align: 'right',
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.degree - b.degree,
          },
        ]}
      />
    </Space>
  );
}
