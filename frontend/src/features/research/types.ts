/** Shapes of /api/research/* (backend/research/api). */

export type ConsoleNode = {
  id: string;
  uid: string | null;
  label: string;
  labels: string[];
  name: string;
  props: Record<string, unknown>;
};

export type ConsoleEdge = {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
};

export type ConsoleAnswer = {
  run: { id: number; outcome: string; duration_ms: number | null; rows: number | null; saved_query_version: number | null };
  columns: string[];
  rows: unknown[][];
  nodes: ConsoleNode[];
  edges: ConsoleEdge[];
  capped: boolean;
  graph_capped: boolean;
  truncated_cells: boolean;
  masked: boolean;
  plan_ms: number;
  run_ms: number;
};

export type ConsoleRequest = {
  cypher: string;
  parameters: Record<string, unknown>;
  timeout_s: number;
  row_cap: number;
};

export type ConsoleSchema = {
  labels: string[];
  types: string[];
  keys: string[];
  procedures: string[];
  limits: {
    timeout_s: { default: number; min: number; max: number };
    row_cap: { default: number; max: number };
    max_path_hops: number;
    max_query_chars: number;
  };
};

export type ParameterType = 'string' | 'integer' | 'float' | 'boolean' | 'uid' | 'string_list';

export type ParameterSpec = {
  name: string;
  type: ParameterType;
  label: string;
  default: unknown;
  required: boolean;
};

export type SavedQuery = {
  id: number;
  name: string;
  shared: boolean;
  owner: { id: number; name: string };
  current: {
    number: number;
    description: string;
    cypher: string;
    parameters: ParameterSpec[];
    created_at: string;
  } | null;
  can_edit: boolean;
  created_at: string;
  updated_at: string;
};

export type SavedQueryVersion = {
  id: number;
  number: number;
  description: string;
  cypher: string;
  parameters: ParameterSpec[];
  created_by: { id: number; name: string };
  created_at: string;
};

export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export type ConsoleRun = {
  id: number;
  user: { id: number; name: string };
  source: 'console' | 'saved_query' | 'export';
  saved_query: { id: number; name: string; version: number } | null;
  cypher: string;
  parameters: Record<string, unknown>;
  timeout_s: number;
  row_cap: number;
  outcome: string;
  outcome_label: string;
  reason: string;
  message: string;
  rows: number | null;
  capped: boolean;
  duration_ms: number | null;
  started_at: string;
  finished_at: string | null;
};

export type RankedNode = { uid: string; name: string; label: string; score: number };

export type SubgraphFilter = {
  labels: string[] | null;
  city: string | null;
  industry: string | null;
  types: string[];
  max_nodes: number;
};

export type Centrality = {
  filter: SubgraphFilter;
  nodes: number;
  edges: number;
  top: Partial<Record<'degree' | 'betweenness' | 'pagerank', RankedNode[]>>;
  distribution: { degree: number; count: number }[];
  betweenness_exact: boolean;
  read_ms: number;
  compute_ms: number;
  relationship_types: Record<string, number>;
};

export type PlainNode = { uid: string; label: string; name: string; props: Record<string, unknown> };
export type PlainEdge = { id: string; type: string; source: string; target: string; props: Record<string, unknown> };

export type Communities = {
  filter: SubgraphFilter;
  nodes: number;
  edges: number;
  method: string;
  modularity: number;
  count: number;
  communities: {
    id: number;
    size: number;
    labels: Record<string, number>;
    cities: { uid: string; name: string; count: number }[];
    members: RankedNode[];
  }[];
  graph: { nodes: PlainNode[]; edges: PlainEdge[]; capped: boolean };
  read_ms: number;
  compute_ms: number;
};

export type ChainGaps = {
  park: { uid: string; name: string };
  peers: { uid: string; name: string; tie: string }[];
  anchors: { uid: string; name: string; focus: number; organisations: number }[];
  gaps: {
    industry: { uid: string; name: string };
    direction: 'upstream' | 'downstream' | 'both';
    anchors: { uid: string; name: string }[];
    own: { focus: number; organisations: number; score: number };
    peers: { uid: string; name: string; tie: string; focus: number; organisations: number; score: number }[];
    gap: number;
  }[];
  candidates: number;
  in_graph: boolean;
};

export type Collaboration = {
  parks: { uid: string; name: string; city: string | null; hosted: number }[];
  cooperation: number[][];
  supply: number[][];
  affiliation: number[][];
  partner: number[][];
  enclave: number[][];
  strength: number[][];
  tie_weight: number;
};

export type Paths = {
  found: boolean;
  length: number | null;
  paths: string[][];
  missing: string[];
  nodes: PlainNode[];
  edges: PlainEdge[];
  capped: boolean;
};

export type AnalyticsOptions = {
  labels: string[];
  default_labels: string[];
  types: string[];
  default_types: string[];
  measures: string[];
  methods: string[];
  max_nodes: { default: number; max: number };
  max_path_hops: number;
};

export type ExportKind = 'query' | 'saved_query' | 'run' | 'subgraph';
export type ExportFormat = 'graphml' | 'csv' | 'json';

export type ExportJob = {
  id: number;
  kind: ExportKind;
  format: ExportFormat;
  spec: Record<string, unknown>;
  status: 'pending' | 'running' | 'done' | 'failed';
  progress: number;
  run: number | null;
  rows: number | null;
  nodes: number | null;
  edges: number | null;
  capped: boolean;
  file_size: number | null;
  download_url: string | null;
  error: { code: string; message: string } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};
