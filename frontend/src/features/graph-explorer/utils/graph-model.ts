import type { GraphEdge, GraphNode, NeighboursResponse, PathResponse } from '../types';

/**
 * The explorer's graph: everything fetched so far, merged by uid. Pure functions, so the
 * merge and filter rules are tested without a canvas.
 */

export type ExplorerGraph = {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Some answer was cut at the node limit. */
  capped: boolean;
  /** Nodes whose neighbours have been fetched (the focus included). */
  expanded: Set<string>;
  /** The node the last answer grew from: new nodes are placed around it. */
  anchor: string | null;
};

export const EMPTY_GRAPH: ExplorerGraph = {
  nodes: new Map(),
  edges: new Map(),
  capped: false,
  expanded: new Set(),
  anchor: null,
};

export type GraphAction =
  | { type: 'clear' }
  | { type: 'load'; uid: string; response: NeighboursResponse }
  | { type: 'merge'; uid: string; response: NeighboursResponse }
  /** A path found from `uid`: its nodes join the graph; nothing counts as expanded. */
  | { type: 'path'; uid: string; response: PathResponse }
  | { type: 'remove'; uid: string };

type Answer = Pick<NeighboursResponse, 'nodes' | 'edges'> & { capped?: boolean };

function mergeInto(graph: ExplorerGraph, uid: string, response: Answer, expanded = true): ExplorerGraph {
  const nodes = new Map(graph.nodes);
  for (const node of response.nodes) {
    // Newer props win; a node never loses what it had.
    const known = nodes.get(node.uid);
    nodes.set(node.uid, known ? { ...known, ...node, props: { ...known.props, ...node.props } } : node);
  }
  const edges = new Map(graph.edges);
  for (const edge of response.edges) {
    // An edge is drawn only between nodes we hold (Cytoscape refuses dangling edges).
    if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
  }
  return {
    nodes,
    edges,
    capped: graph.capped || Boolean(response.capped),
    expanded: expanded ? new Set(graph.expanded).add(uid) : graph.expanded,
    anchor: uid,
  };
}

export function graphReducer(graph: ExplorerGraph, action: GraphAction): ExplorerGraph {
  switch (action.type) {
    case 'clear':
      return EMPTY_GRAPH;
    case 'load':
      return mergeInto(EMPTY_GRAPH, action.uid, action.response);
    case 'merge':
      return mergeInto(graph, action.uid, action.response);
    case 'path':
      return mergeInto(graph, action.uid, action.response, false);
    case 'remove': {
      if (!graph.nodes.has(action.uid)) return graph;
      const nodes = new Map(graph.nodes);
      nodes.delete(action.uid);
      const edges = new Map([...graph.edges].filter(([, e]) => e.source !== action.uid && e.target !== action.uid));
      const expanded = new Set(graph.expanded);
      expanded.delete(action.uid);
      return { ...graph, nodes, edges, expanded, anchor: graph.anchor === action.uid ? null : graph.anchor };
    }
  }
}

/** Edges touching `uid`, with the node at the other end. */
export function neighboursOf(graph: ExplorerGraph, uid: string): { edge: GraphEdge; node: GraphNode }[] {
  const result: { edge: GraphEdge; node: GraphNode }[] = [];
  for (const edge of graph.edges.values()) {
    const other = edge.source === uid ? edge.target : edge.target === uid ? edge.source : null;
    const node = other ? graph.nodes.get(other) : undefined;
    if (node) result.push({ edge, node });
  }
  return result;
}

export type VisualFilter = { city: number | null; industry: number | null };

const INDUSTRY_LINKS = new Set(['FOCUSES_ON', 'ACTIVE_IN', 'SUPPLIES', 'CHILD_OF']);
// Context nodes no city or industry filter should hide.
const CITY_NEUTRAL = new Set(['Industry', 'Alliance']);
const INDUSTRY_NEUTRAL = new Set(['City', 'Zone', 'Alliance']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function cityOf(graph: ExplorerGraph, node: GraphNode): string | null {
  const own = text(node.props.city_uid);
  if (own) return own;
  // An organisation without a city of its own is where its park is.
  const park = text(node.props.park_uid);
  return park ? (text(graph.nodes.get(park)?.props.city_uid) ?? null) : null;
}

/**
 * The uids that do NOT pass the city/industry filter. The focus always passes: the reader
 * must not lose the node the view is about.
 */
export function filteredOut(graph: ExplorerGraph, filter: VisualFilter, focus: string | null): Set<string> {
  const out = new Set<string>();
  if (filter.city == null && filter.industry == null) return out;
  const cityUid = filter.city != null ? `city:${filter.city}` : null;
  const industryUid = filter.industry != null ? `industry:${filter.industry}` : null;

  const linkedToIndustry = new Set<string>();
  if (industryUid) {
    for (const edge of graph.edges.values()) {
      if (!INDUSTRY_LINKS.has(edge.type)) continue;
      if (edge.target === industryUid) linkedToIndustry.add(edge.source);
      if (edge.source === industryUid) linkedToIndustry.add(edge.target);
    }
  }

  for (const node of graph.nodes.values()) {
    if (node.uid === focus) continue;
    let passes = true;
    if (cityUid) {
      passes =
        node.uid === cityUid ||
        (node.label !== 'City' && (CITY_NEUTRAL.has(node.label) || cityOf(graph, node) === cityUid));
    }
    if (passes && industryUid) {
      passes = node.uid === industryUid || INDUSTRY_NEUTRAL.has(node.label) || linkedToIndustry.has(node.uid);
    }
    if (!passes) out.add(node.uid);
  }
  return out;
}

/** The detail page of a node in the web app, if it has one. */
export function detailPathOf(uid: string): string | null {
  const match = /^(park|org):(\d+)$/.exec(uid);
  if (!match) return null;
  return match[1] === 'park' ? `/parks/${match[2]}` : `/organisations/${match[2]}`;
}

export function isUid(value: string | null): value is string {
  return value != null && /^[a-z_]+:[\w.-]+$/i.test(value);
}
