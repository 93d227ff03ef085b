import type { StylesheetJson } from 'cytoscape';

import { EDGE_TYPES, NODE_LABELS, type NodeLabel } from '../types';

/**
 * How each kind of node and relationship looks. Colour and shape both carry the label, so
 * the legend still reads in greyscale print-outs and for colour-blind readers.
 */

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'diamond'
  | 'hexagon'
  | 'star'
  | 'triangle'
  | 'pentagon'
  | 'rhomboid'
  | 'tag'
  | 'octagon';

export type NodeLook = { colour: string; shape: NodeShape; size: number };

export const NODE_LOOKS: Record<NodeLabel, NodeLook> = {
  Park: { colour: '#1f6f8b', shape: 'round-rectangle', size: 38 },
  Zone: { colour: '#0b3c5d', shape: 'hexagon', size: 40 },
  City: { colour: '#b5542d', shape: 'diamond', size: 36 },
  Alliance: { colour: '#c99a06', shape: 'star', size: 42 },
  University: { colour: '#6a4c93', shape: 'octagon', size: 30 },
  Lab: { colour: '#2d7dd2', shape: 'triangle', size: 30 },
  Enterprise: { colour: '#3c9d5d', shape: 'ellipse', size: 24 },
  Incubator: { colour: '#e08e0b', shape: 'pentagon', size: 28 },
  Financier: { colour: '#c2185b', shape: 'rhomboid', size: 28 },
  Industry: { colour: '#8a6d3b', shape: 'tag', size: 28 },
};

export const UNKNOWN_NODE_LOOK: NodeLook = { colour: '#8c8c8c', shape: 'ellipse', size: 24 };

export function nodeLook(label: string): NodeLook {
  return (NODE_LOOKS as Record<string, NodeLook | undefined>)[label] ?? UNKNOWN_NODE_LOOK;
}

export const EDGE_COLOURS: Record<(typeof EDGE_TYPES)[number], string> = {
  IN_CITY: '#d9b8a8',
  PART_OF: '#9fb3c8',
  MEMBER_OF: '#e3c868',
  FOCUSES_ON: '#c4a77d',
  HOSTS: '#6fa8bf',
  ACTIVE_IN: '#b9a98a',
  CHILD_OF: '#bfbfbf',
  SUPPLIES: '#a0522d',
  ENCLAVE_OF: '#8e44ad',
  PARTNER_OF: '#d63384',
  COOPERATES_WITH: '#2e8b57',
  AFFILIATED_WITH: '#6a4c93',
  SUPPLIES_TO: '#e67e22',
  DOCKED_WITH: '#1a8fa0',
};

export function edgeColour(type: string): string {
  return (EDGE_COLOURS as Record<string, string | undefined>)[type] ?? '#bfbfbf';
}

/** CSS clip-path of a shape, for legend swatches drawn in HTML. */
export function shapeClipPath(shape: NodeShape): string | undefined {
  switch (shape) {
    case 'ellipse':
      return 'circle(50% at 50% 50%)';
    case 'round-rectangle':
      return 'inset(0 round 25%)';
    case 'diamond':
      return 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)';
    case 'hexagon':
      return 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)';
    case 'star':
      return 'polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)';
    case 'triangle':
      return 'polygon(50% 0, 100% 100%, 0 100%)';
    case 'pentagon':
      return 'polygon(50% 0, 100% 38%, 82% 100%, 18% 100%, 0 38%)';
    case 'rhomboid':
      return 'polygon(25% 0, 100% 0, 75% 100%, 0 100%)';
    case 'tag':
      return 'polygon(0 0, 75% 0, 100% 50%, 75% 100%, 0 100%)';
    case 'octagon':
      return 'polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%)';
    default:
      return undefined;
  }
}

// Cytoscape accepts unquoted family names only.
const FONT_FAMILY = 'PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif';

export type StylesheetOptions = {
  /** Relationship names in the UI language, by type. */
  edgeTypeName: (type: string) => string;
  showEdgeLabels: boolean;
};

/** The Cytoscape stylesheet: one rule per label and per relationship type, then states. */
export function buildStylesheet({ edgeTypeName, showEdgeLabels }: StylesheetOptions): StylesheetJson {
  const byLabel: StylesheetJson = NODE_LABELS.map((label) => {
    const look = NODE_LOOKS[label];
    return {
      selector: `node[type = "${label}"]`,
      style: { 'background-color': look.colour, shape: look.shape, width: look.size, height: look.size },
    };
  });
  const byType: StylesheetJson = EDGE_TYPES.map((type) => ({
    selector: `edge[type = "${type}"]`,
    style: {
      'line-color': edgeColour(type),
      'target-arrow-color': edgeColour(type),
      label: showEdgeLabels ? edgeTypeName(type) : '',
    },
  }));

  return [
    {
      selector: 'node',
      style: {
        'background-color': UNKNOWN_NODE_LOOK.colour,
        shape: UNKNOWN_NODE_LOOK.shape,
        width: UNKNOWN_NODE_LOOK.size,
        height: UNKNOWN_NODE_LOOK.size,
        label: 'data(name)',
        'font-family': FONT_FAMILY,
        'font-size': 11,
        color: '#262626',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'overlay-padding': 4,
        // Names vanish when zoomed out far enough to be unreadable anyway.
        'min-zoomed-font-size': 7,
      },
    },
    ...byLabel,
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': 'bezier',
        'line-color': '#bfbfbf',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#bfbfbf',
        'arrow-scale': 0.8,
        'font-family': FONT_FAMILY,
        'font-size': 9,
        color: '#595959',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 9,
        label: '',
      },
    },
    ...byType,
    // Undirected relationships carry no arrow.
    {
      selector: 'edge[type = "PARTNER_OF"], edge[type = "COOPERATES_WITH"], edge[type = "DOCKED_WITH"]',
      style: { 'target-arrow-shape': 'none' },
    },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#fadb14' } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#595959' } },
    { selector: 'node.focus.expanded', style: { 'border-color': '#fadb14' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#ff4d4f', 'font-weight': 'bold', 'z-index': 10 },
    },
    { selector: 'edge:selected', style: { width: 3 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#fa541c', 'z-index': 9 } },
    {
      selector: 'edge.on-path',
      style: { width: 4, 'line-color': '#fa541c', 'target-arrow-color': '#fa541c', 'z-index': 9, opacity: 1 },
    },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.filtered-out, .label-hidden', style: { display: 'none' } },
  ];
}
