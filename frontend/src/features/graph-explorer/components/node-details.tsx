import { AimOutlined, DeleteOutlined, DownOutlined, ExportOutlined, NodeExpandOutlined } from '@ant-design/icons';
import { Button, Descriptions, Dropdown, Empty, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { NODE_LABELS, type GraphNode } from '../types';
import { detailPathOf, neighboursOf, type ExplorerGraph } from '../utils/graph-model';
import { nodeLook } from '../utils/graph-style';
import { translateOr } from '../utils/translate';
import { NodeSwatch } from './node-swatch';

type Props = {
  graph: ExplorerGraph;
  uid: string | null;
  focus: string | null;
  expanding: boolean;
  /** `label`: fetch only neighbours of that label (a hub with hundreds of enterprises). */
  onExpand: (uid: string, label?: string) => void;
  onFocus: (uid: string) => void;
  onRemove: (uid: string) => void;
  onSelect: (uid: string) => void;
};

// Shown elsewhere (title, links) or internal.
const SKIPPED = new Set(['uid', 'name', 'search_key', 'city_uid', 'park_uid', 'zone_uid']);
const ENUM_PROPS = new Set(['level', 'kind', 'subkind', 'cooperation_kind']);
const LINKED = [
  ['city_uid', 'city'],
  ['zone_uid', 'zone'],
  ['park_uid', 'park'],
] as const;
const MAX_NEIGHBOURS_PER_TYPE = 12;
// Most telling first; anything else the server sends follows in its own order.
const PROP_ORDER = [
  'short_name', 'name_en', 'kind', 'subkind', 'level', 'province', 'code', 'founded_year', 'employees',
  'available_land_mu', 'available_space_m2', 'weight', 'cooperation_kind', 'started_on', 'ended_on',
  'agreement_signed_on', 'latitude', 'longitude',
];

function propRank(key: string): number {
  const index = PROP_ORDER.indexOf(key);
  return index === -1 ? PROP_ORDER.length : index;
}

function formatValue(t: TFunction, language: string, key: string, value: unknown): string {
  if (typeof value === 'number') {
    const digits = key === 'latitude' || key === 'longitude' ? 5 : 2;
    const plain = key === 'founded_year';
    return plain ? String(value) : new Intl.NumberFormat(language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: digits }).format(value);
  }
  if (typeof value === 'string' && ENUM_PROPS.has(key)) return translateOr(t, `explorer.values.${value}`, value);
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** The clicked node: what it is, its properties, what it is linked to on the canvas. */
export function NodeDetails({ graph, uid, focus, expanding, onExpand, onFocus, onRemove, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const node = uid ? graph.nodes.get(uid) : undefined;
  const neighbours = useMemo(() => (node ? neighboursOf(graph, node.uid) : []), [graph, node]);

  if (!node) {
    return (
      <div data-testid="node-details" data-uid="">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.details.empty')} />
      </div>
    );
  }

  const detailPath = detailPathOf(node.uid);
  const entries = Object.entries(node.props)
    .filter(([key, value]) => !SKIPPED.has(key) && value !== null && value !== '' && typeof value !== 'boolean')
    .sort(([a], [b]) => propRank(a) - propRank(b));
  const flags = Object.entries(node.props)
    .filter(([, value]) => value === true)
    .map(([key]) => key);

  const byType = new Map<string, GraphNode[]>();
  for (const { edge, node: other } of neighbours) {
    const list = byType.get(edge.type) ?? [];
    if (!list.some((n) => n.uid === other.uid)) list.push(other);
    byType.set(edge.type, list);
  }

  return (
    <Flex vertical gap={12} data-testid="node-details" data-uid={node.uid} data-label={node.label}>
      <div>
        <Space align="center" size={8}>
          <NodeSwatch label={node.label} size={16} />
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="node-details-name">
            {node.name}
          </Typography.Title>
        </Space>
        <div style={{ marginTop: 4 }}>
          <Tag color={nodeLook(node.label).colour} bordered={false}>
            {translateOr(t, `explorer.labels.${node.label}`, node.label)}
          </Tag>
          {node.uid === focus && <Tag color="gold">{t('explorer.details.isFocus')}</Tag>}
          <Typography.Text type="secondary" copyable={{ text: node.uid }} style={{ fontSize: 12 }}>
            {node.uid}
          </Typography.Text>
        </div>
      </div>

      <Flex wrap gap={6}>
        <Space.Compact size="small">
          <Button
            type="primary"
            icon={<NodeExpandOutlined />}
            loading={expanding}
            onClick={() => onExpand(node.uid)}
            data-testid="expand-node"
          >
            {graph.expanded.has(node.uid) ? t('explorer.details.expandAgain') : t('explorer.details.expand')}
          </Button>
          <Dropdown
            disabled={expanding}
            menu={{
              items: NODE_LABELS.map((label) => ({
                key: label,
                label: (
                  <Space size={6}>
                    <NodeSwatch label={label} size={10} />
                    {t('explorer.details.expandOnly', { label: translateOr(t, `explorer.labels.${label}`, label) })}
                  </Space>
                ),
              })),
              onClick: ({ key }) => onExpand(node.uid, key),
            }}
          >
            <Button type="primary" icon={<DownOutlined />} aria-label={t('explorer.details.expandBy')} data-testid="expand-by-label" />
          </Dropdown>
        </Space.Compact>
        {node.uid !== focus && (
          <Button size="small" icon={<AimOutlined />} onClick={() => onFocus(node.uid)} data-testid="focus-node">
            {t('explorer.details.setFocus')}
          </Button>
        )}
        {detailPath && (
          <Link to={detailPath} data-testid="node-detail-link">
            <Button size="small" icon={<ExportOutlined />}>
              {t('explorer.details.openPage')}
            </Button>
          </Link>
        )}
        {node.uid !== focus && (
          <Tooltip title={t('explorer.details.removeHint')}>
            <Button size="small" icon={<DeleteOutlined />} onClick={() => onRemove(node.uid)} aria-label={t('explorer.details.remove')} />
          </Tooltip>
        )}
      </Flex>

      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
        {LINKED.map(([key, labelKey]) => {
          const linked = typeof node.props[key] === 'string' ? (node.props[key] as string) : null;
          if (!linked) return null;
          const other = graph.nodes.get(linked);
          return (
            <Descriptions.Item key={key} label={t(`explorer.props.${labelKey}`)}>
              {other ? (
                <Typography.Link onClick={() => onSelect(other.uid)}>{other.name}</Typography.Link>
              ) : (
                <Typography.Text type="secondary">{linked}</Typography.Text>
              )}
            </Descriptions.Item>
          );
        })}
        {entries.map(([key, value]) => (
          <Descriptions.Item key={key} label={translateOr(t, `explorer.props.${key}`, key)}>
            {formatValue(t, i18n.language, key, value)}
          </Descriptions.Item>
        ))}
        {flags.length > 0 && (
          <Descriptions.Item label={t('explorer.props.flags')}>
            <Space size={[0, 4]} wrap>
              {flags.map((flag) => (
                <Tag key={flag} color="blue" bordered={false}>
                  {translateOr(t, `explorer.flags.${flag}`, flag)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>

      <div>
        <Typography.Text strong>{t('explorer.details.linked', { count: neighbours.length })}</Typography.Text>
        {byType.size === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {graph.expanded.has(node.uid) ? t('explorer.details.noLinks') : t('explorer.details.notExpanded')}
          </Typography.Paragraph>
        ) : (
          <Flex vertical gap={6} style={{ marginTop: 6 }} data-testid="node-neighbours">
            {[...byType].map(([type, nodes]) => (
              <div key={type}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {translateOr(t, `explorer.edgeTypes.${type}`, type)} · {nodes.length}
                </Typography.Text>
                <Flex wrap gap={4} style={{ marginTop: 2 }}>
                  {nodes.slice(0, MAX_NEIGHBOURS_PER_TYPE).map((other) => (
                    <Tag
                      key={other.uid}
                      style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                      onClick={() => onSelect(other.uid)}
                      data-uid={other.uid}
                    >
                      <Space size={4}>
                        <NodeSwatch label={other.label} size={9} />
                        {other.name}
                      </Space>
                    </Tag>
                  ))}
                  {nodes.length > MAX_NEIGHBOURS_PER_TYPE && (
                    <Tag bordered={false}>+{nodes.length - MAX_NEIGHBOURS_PER_TYPE}</Tag>
                  )}
                </Flex>
              </div>
            ))}
          </Flex>
        )}
      </div>
    </Flex>
  );
}
