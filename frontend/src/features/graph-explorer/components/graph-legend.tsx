import { Flex, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { EDGE_TYPES, NODE_LABELS } from '../types';
import type { ExplorerGraph } from '../utils/graph-model';
import { edgeColour } from '../utils/graph-style';
import { translateOr } from '../utils/translate';
import { NodeSwatch } from './node-swatch';

type Props = {
  graph: ExplorerGraph;
  hiddenLabels: ReadonlySet<string>;
  onToggleLabel: (label: string) => void;
};

function order(known: readonly string[], value: string): number {
  const index = known.indexOf(value);
  return index === -1 ? known.length : index;
}

/** Which colour and shape is which label (click to hide or show a label), and edge colours. */
export function GraphLegend({ graph, hiddenLabels, onToggleLabel }: Props) {
  const { t } = useTranslation();
  const labels = useMemo(() => {
    const counts = new Map<string, number>();
    for (const node of graph.nodes.values()) counts.set(node.label, (counts.get(node.label) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => order(NODE_LABELS, a) - order(NODE_LABELS, b));
  }, [graph.nodes]);
  const types = useMemo(() => {
    const counts = new Map<string, number>();
    for (const edge of graph.edges.values()) counts.set(edge.type, (counts.get(edge.type) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => order(EDGE_TYPES, a) - order(EDGE_TYPES, b));
  }, [graph.edges]);

  if (labels.length === 0) return null;

  return (
    <Flex vertical gap={6} data-testid="graph-legend">
      <Flex wrap gap={6} align="center">
        {labels.map(([label, count]) => {
          const hidden = hiddenLabels.has(label);
          return (
            <Tooltip key={label} title={hidden ? t('explorer.legend.show') : t('explorer.legend.hide')}>
              <button
                type="button"
                onClick={() => onToggleLabel(label)}
                aria-pressed={!hidden}
                data-label={label}
                style={{
                  display: 'inline-flex',
                  alignItems: 'center',
                  gap: 6,
                  padding: '2px 8px',
                  border: '1px solid #d9d9d9',
                  borderRadius: 12,
                  background: hidden ? '#f5f5f5' : '#fff',
                  opacity: hidden ? 0.45 : 1,
                  cursor: 'pointer',
                  fontSize: 12,
                  textDecoration: hidden ? 'line-through' : undefined,
                }}
              >
                <NodeSwatch label={label} />
                {translateOr(t, `explorer.labels.${label}`, label)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {count}
                </Typography.Text>
              </button>
            </Tooltip>
          );
        })}
      </Flex>
      {types.length > 0 && (
        <Flex wrap gap={10} align="center">
          {types.map(([type, count]) => (
            <span key={type} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontSize: 12 }} data-edge-type={type}>
              <span aria-hidden style={{ width: 18, height: 3, borderRadius: 2, background: edgeColour(type) }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {translateOr(t, `explorer.edgeTypes.${type}`, type)} {count}
              </Typography.Text>
            </span>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
