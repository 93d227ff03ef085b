/** Shapes of the /api/network/ endpoints (lists, details, ecosystem). */

export type NamedRef = {
  id: number;
  name: string;
};

/** Every paginated list of the API: `?page=&page_size=`. */
export type Paginated<T> = {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
};

export type City = {
  id: number;
  uid: string;
  name: string;
  name_en: string;
  province: string;
};

export type Industry = {
  id: number;
  uid: string;
  name: string;
  name_en: string;
  code: string;
  parent: NamedRef | null;
  is_future_industry: boolean;
};

export const PARK_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type ParkLevel = (typeof PARK_LEVELS)[number];

export const PARK_KINDS = ['service', 'manufacturing', 'enclave', 'partner', 'zone'] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

export type ParkIndustry = NamedRef & {
  /** Share of the park's focus, 0–1. */
  weight: number;
};

export type Park = {
  id: number;
  uid: string;
  name: string;
  short_name: string;
  name_en: string;
  city: NamedRef | null;
  zone: NamedRef | null;
  level: ParkLevel;
  level_label: string;
  kind: ParkKind;
  kind_label: string;
  alliance_member: boolean;
  /** Decimal string, 亩. */
  available_land_mu: string;
  /** Decimal string, m². */
  available_space_m2: string;
  latitude: number | null;
  longitude: number | null;
  industries: ParkIndustry[];
  hosted_count: number;
  is_synthetic: boolean;
  source_note: string;
  can_edit: boolean;
};

export type ParkDetail = Park & {
  description: string;
};

export const ORGANISATION_KINDS = ['university', 'lab', 'enterprise', 'incubator', 'financier'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Enterprise qualifications; each is a `<flag>=true` filter and an `is_<flag>` field. */
export const ORGANISATION_FLAGS = [
  'high_tech',
  'tech_sme',
  'specialised',
  'gazelle',
  'unicorn',
  'nezha',
  'listed',
] as const;
export type OrganisationFlag = (typeof ORGANISATION_FLAGS)[number];

export type Organisation = {
  id: number;
  uid: string;
  name: string;
  name_en: string;
  kind: OrganisationKind;
  kind_label: string;
  subkind: string;
  subkind_label: string;
  city: NamedRef | null;
  park: NamedRef | null;
  founded_year: number | null;
  employees: number | null;
  is_high_tech: boolean;
  is_tech_sme: boolean;
  is_specialised: boolean;
  is_gazelle: boolean;
  is_unicorn: boolean;
  is_nezha: boolean;
  is_listed: boolean;
  industries: NamedRef[];
  is_synthetic: boolean;
  source_note: string;
  can_edit: boolean;
};

export type GraphNode = {
  uid: string;
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

export type ParkEcosystem = {
  park: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  summary: {
    /** Hosted organisations by kind (university, lab, enterprise, …). */
    hosted: Record<string, number>;
    cooperating: number;
    partner_parks: number;
    enclaves: number;
  };
  capped: boolean;
};

export type ParkFilters = {
  q: string;
  city: number | null;
  level: ParkLevel | null;
  kind: ParkKind | null;
  industry: number | null;
  alliance_member: boolean | null;
  page: number;
  page_size: number;
};

export type OrganisationFilters = {
  q: string;
  kind: OrganisationKind | null;
  city: number | null;
  park: number | null;
  industry: number | null;
  flags: OrganisationFlag[];
  /** null: real and synthetic alike. */
  synthetic: boolean | null;
  page: number;
  page_size: number;
};

export type ExportEntity = 'parks' | 'organisations' | 'relations';
export type ExportFormat = 'csv' | 'xlsx';

/** One typed relation of the system of record (GET relations?uid=). */
export type Relation = {
  id: number;
  uid: string;
  kind: string;
  kind_label: string;
  source: { uid: string; name: string };
  target: { uid: string; name: string };
  cooperation_kind: string;
  name: string;
  started_on: string | null;
  ended_on: string | null;
  agreement_signed_on: string | null;
  note: string;
  source_note: string;
  is_synthetic: boolean;
};
