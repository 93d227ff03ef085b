/** Shapes of the graph endpoints under /api/network/ (read from Neo4j). */

export const NODE_LABELS = [
  'Park',
  'Zone',
  'City',
  'Alliance',
  'University',
  'Lab',
  'Enterprise',
  'Incubator',
  'Financier',
  'Industry',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const EDGE_TYPES = [
  'IN_CITY',
  'PART_OF',
  'MEMBER_OF',
  'FOCUSES_ON',
  'HOSTS',
  'ACTIVE_IN',
  'CHILD_OF',
  'SUPPLIES',
  'ENCLAVE_OF',
  'PARTNER_OF',
  'COOPERATES_WITH',
  'AFFILIATED_WITH',
  'SUPPLIES_TO',
  'DOCKED_WITH',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export type GraphNode = {
  /** `park:12`, `org:345`, `industry:7`, `city:1`, `zone:2`, `alliance:nanjing-metro`. */
  uid: string;
  /** A NodeLabel; a newer server may send one we do not know yet. */
  label: string;
  name: string;
  props: Record<string, unknown>;
};

export type GraphEdge = {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
};

export type NeighboursResponse = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The server stopped at `limit` nodes: the graph shown is not all there is. */
  capped: boolean;
  hops: number;
};

export type PathResponse = {
  found: boolean;
  length: number | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
};

export type SearchHit = {
  uid: string;
  label: string;
  id: number | string;
  name: string;
  subtitle: string;
};

export type CityOption = { id: number; uid: string; name: string; name_en: string; province: string };
export type IndustryOption = { id: number; uid: string; name: string; name_en: string; parent: { id: number; name: string } | null };

/** What the explorer asks the server for (and keeps in its URL). */
export type ExplorerParams = {
  focus: string | null;
  hops: number;
  limit: number;
  city: number | null;
  industry: number | null;
};
