/** Shapes of /api/docking/ (backend/docking/outputs.py and api.py). */

export type Ref = { id: number; name: string };

export type Paginated<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export type PostingKind =
  | 'tech_need'
  | 'achievement'
  | 'financing_need'
  | 'investment_intent'
  | 'talent_need'
  | 'facility'
  | 'space';

export type PostingVisibility = 'public' | 'alliance' | 'anonymous';
export type PostingStatus = 'draft' | 'pending' | 'published' | 'rejected' | 'closed';
export type RequestStatus = 'requested' | 'accepted' | 'declined' | 'in_talks' | 'agreed' | 'closed';

export type Party = { type: 'park' | 'organisation'; id: number; name: string };

export type Posting = {
  id: number;
  kind: PostingKind;
  kind_label: string;
  /** Plain text: rendered as text, never as HTML. */
  title: string;
  description: string;
  industries: Ref[];
  region: Ref | null;
  visibility: PostingVisibility;
  anonymous: boolean;
  /** Null when the posting is anonymous and the viewer may not know who posted it. */
  owner: Party | null;
  status: PostingStatus;
  review_note: string;
  expires_at: string;
  is_expired: boolean;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  viewer: { is_owner: boolean; can_request: boolean };
};

export type PostingSummary = {
  id: number;
  title: string;
  kind: PostingKind;
  status: PostingStatus;
  anonymous: boolean;
  owner: Party | null;
};

export type PostingFilters = {
  q?: string;
  kind?: PostingKind;
  industry?: number;
  region?: number;
  owner_park?: number;
  owner_organisation?: number;
  status?: PostingStatus;
  mine?: boolean;
  include_expired?: boolean;
  page?: number;
  page_size?: number;
};

export type PostingInput = {
  kind: PostingKind;
  title: string;
  description?: string;
  industries?: number[];
  region?: number | null;
  visibility?: PostingVisibility;
  expires_at?: string;
  submit?: boolean;
  owner_park?: number;
  owner_organisation?: number;
};

export type StatusChange = {
  from_status: string;
  to_status: string;
  /** Null where naming the person would reveal an anonymous owner. */
  by: string | null;
  at: string;
  note: string;
};

export type PathNode = { uid: string; label: string; name: string };
export type GraphPath = { nodes: PathNode[]; relationships: string[] };

export type Counterpart = {
  uid: string;
  organisation_id: number | null;
  label: string;
  name: string;
  score: number;
  reason: string;
  path: GraphPath;
  reasons: { kind: 'industry' | 'partner_cooperation' | 'partner_park'; sentence: string; path: GraphPath }[];
};

export type Recommendations = { posting: PostingSummary; counterparts: Counterpart[] };

export type ViewerSide = 'owner' | 'requester' | 'secretariat';

export type DockingRequest = {
  id: number;
  posting: PostingSummary;
  requester: Party;
  message: string;
  proposed_times: string[];
  status: RequestStatus;
  decline_reason: string;
  answered_at: string | null;
  accepted_at: string | null;
  agreed_at: string | null;
  project_id: number | null;
  thread_id: number | null;
  viewer_side: ViewerSide | null;
  created_at: string;
};

export type DockingRequestDetail = DockingRequest & { history: StatusChange[] };

export type ProjectCreated = { project_id: number; park: Ref; status: string; link: string };

export type Thread = {
  id: number;
  subject: string;
  request_id: number | null;
  project_id: number | null;
  /** Null: an anonymous posting's owner, hidden from the other side. */
  side_a: Party | null;
  side_b: Party;
  viewer_side: 'a' | 'b' | 'secretariat';
  room: { room: 'thread'; id: number };
  last_message_at: string | null;
  created_at: string;
};

export type Attachment = { name: string; type: string; size: number; url: string };

export type Message = {
  id: number;
  side: 'a' | 'b' | 'secretariat';
  sender: string;
  mine: boolean;
  body: string;
  attachment: Attachment | null;
  created_at: string;
};

export type SavedSearch = {
  id: number;
  name: string;
  kind: PostingKind | '';
  industry: Ref | null;
  region: Ref | null;
  text: string;
  alerts: boolean;
  created_at: string;
};

export type SavedSearchInput = {
  name?: string;
  kind?: PostingKind | '';
  industry?: number | null;
  region?: number | null;
  text?: string;
  alerts?: boolean;
};

export type Choice<T extends string = string> = { value: T; label: string };

export type Vocabulary = {
  kinds: Choice<PostingKind>[];
  visibilities: Choice<PostingVisibility>[];
  posting_statuses: Choice<PostingStatus>[];
  request_statuses: Choice<RequestStatus>[];
  max_renewal_days: number;
  attachment_types: string[];
  attachment_max_bytes: number;
};

export type DockingSettings = { moderation_required: boolean };

export type ParkBucket = { park_id: number | null; park: string | null; bucket: 'park' | 'anonymous' | 'no_park'; count: number };

export type DockingStats = {
  postings_total: number;
  postings_by_kind: Record<string, number>;
  postings_by_status: Record<string, number>;
  postings_by_park: ParkBucket[];
  requests_total: number;
  requests_answered: number;
  requests_accepted: number;
  acceptance_rate: number | null;
  median_hours_to_first_answer: number | null;
  agreements: number;
  projects_created: number;
};

/** What the signed-in user may do here (the API enforces it; the page only hides buttons). */
export type DockingViewer = {
  isSecretariat: boolean;
  /** Park staff, organisation users and the secretariat write; researchers only read. */
  canWrite: boolean;
  isParkStaff: boolean;
};
