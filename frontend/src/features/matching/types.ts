export type Ref = { id: number; name: string };

export type ProjectStatus = 'draft' | 'open' | 'negotiating' | 'signed' | 'landed' | 'withdrawn';

export type FactorName =
  | 'industry_fit'
  | 'chain_complementarity'
  | 'innovation_support'
  | 'capacity_fit'
  | 'positioning_fit'
  | 'network_proximity'
  | 'distance';

export type IndicatorCode = 'output' | 'tax' | 'fixed_asset_investment' | 'rd_spending' | 'revenue';

export type Project = {
  id: number;
  park: Ref;
  title: string;
  industry: Ref;
  chain_segment: string;
  land_mu: string;
  space_m2: string;
  positioning: 'manufacturing' | 'service';
  visibility: 'alliance' | 'chosen';
  status: ProjectStatus;
  partner_park: Ref | null;
  needed_organisations: Ref[];
  created_at: string;
  updated_at: string;
  /** Null for researchers and organisation users. */
  confidential: {
    description: string;
    investment_wan: string;
    annual_output_wan: string;
    annual_tax_wan: string;
    visible_to: Ref[];
  } | null;
};

export type ProjectInput = {
  title: string;
  industry: number;
  positioning: 'manufacturing' | 'service';
  description?: string;
  investment_wan?: string;
  land_mu?: string;
  space_m2?: string;
  annual_output_wan?: string;
  annual_tax_wan?: string;
};

/** [uid, TYPE, uid, TYPE, uid, ...] */
export type GraphPath = string[];

export type Factor = {
  name: FactorName;
  value: number;
  weight: number;
  paths: GraphPath[];
  sentence_zh: string;
  sentence_en: string;
};

export type MatchRow = {
  park: Ref & { uid: string };
  rank: number;
  score: string;
  factors: Factor[];
  supporting: string[];
  feedback: Record<'owner' | 'candidate', { response: 'interest' | 'decline'; reason: string } | null>;
};

export type Exclusion = {
  park_uid: string;
  park_name: string;
  reason_code: string;
  reason_zh: string;
  reason_en: string;
};

export type Matches = {
  run: {
    id: number;
    created_at: string;
    trigger: string;
    weights: Record<string, number>;
    candidate_count: number;
    excluded: Exclusion[];
  } | null;
  results: MatchRow[];
};

export type SplitTotal = {
  park_id: number;
  park_name: string;
  year: number;
  indicator: IndicatorCode;
  attributed_wan: string;
};

export type TargetRow = {
  code: string;
  name: string;
  name_en: string;
  target: string;
  unit: string;
  year: number;
  joint_projects_contribution: string | null;
};

export type SplitReport = {
  rounding: string;
  totals: SplitTotal[];
  targets: TargetRow[];
};

export type AgreementShare = {
  indicator: IndicatorCode;
  transferring_percent: string;
  receiving_percent: string;
};

export type Agreement = {
  id: number;
  project: number;
  version: number;
  transferring_park: number;
  receiving_park: number;
  year_from: number;
  year_to: number;
  transferring_confirmed_at: string | null;
  receiving_confirmed_at: string | null;
  confirmed: boolean;
  shares: AgreementShare[];
};

export type AgreementInput = {
  year_from: number;
  year_to: number;
  shares: AgreementShare[];
};
