export type MeetingStatus = 'draft' | 'announced' | 'in_progress' | 'closed';
export type ItemStatus = 'submitted' | 'accepted' | 'rejected' | 'merged' | 'deferred';
export type ItemKind = 'major_matter' | 'major_problem' | 'project_docking' | 'policy_coordination';
export type VoteChoice = 'agree' | 'oppose' | 'abstain';
export type ActionStatus = 'open' | 'in_progress' | 'done';
export type DecisionStatus = 'recorded' | 'voting' | 'passed' | 'rejected';
export type StatusKey = MeetingStatus | ItemStatus | ActionStatus | DecisionStatus | 'published';
export type Rsvp = 'pending' | 'accepted' | 'declined';

/** Who is looking: the app passes this in (features do not import each other). */
export type Viewer = {
  isSecretariat: boolean;
  parkId: number | null;
};

export type ParkRef = { id: number; name: string };

export type Meeting = {
  id: number;
  title: string;
  kind: 'regular' | 'special';
  status: MeetingStatus;
  starts_at: string;
  ends_at: string | null;
  place: string;
  online_link: string;
  host_park: ParkRef | null;
  quorum_numerator: number;
  quorum_denominator: number;
  current_item_id: number | null;
  agenda_version: number;
  updated_at: string;
  quorum?: { present: number; members: number; met: boolean };
};

export type ItemFile = { id: number; name: string; size: number; content_type: string; url: string; created_at: string };

export type AgendaItem = {
  id: number;
  meeting_id: number;
  park: ParkRef | null;
  kind: ItemKind;
  title: string;
  text: string;
  attachments: { name: string; url: string }[];
  files: ItemFile[];
  linked_uids: string[];
  requested_minutes: number;
  status: ItemStatus;
  reason: string;
  merged_into_id: number | null;
  deferred_from_id: number | null;
  parent_id: number | null;
  position: number;
  presenter: string;
  created_at: string;
  updated_at: string;
};

export type Decision = {
  id: number;
  item_id: number;
  text: string;
  status: DecisionStatus;
  present_parks: number;
  member_parks: number;
  votes: { park_id: number; choice: VoteChoice; cast_at: string }[];
  tally: Record<VoteChoice, number>;
  actions: { id: number; owner_park_id: number | null; owner_unit: string; text: string; deadline: string; status: ActionStatus }[];
  created_at: string;
};

export type AgendaEntry = {
  number: string;
  starts_at: string;
  ends_at: string;
  item: AgendaItem;
  decisions: Decision[];
};

export type Agenda = {
  meeting: Meeting;
  version: number;
  current_item_id: number | null;
  entries: AgendaEntry[];
};

export type OrderEntry = { id: number; parent_id: number | null };

export type ActionUpdate = { id: number; text: string; evidence_url: string; status: ActionStatus; author: string; created_at: string };

export type ActionItem = {
  id: number;
  decision_id: number;
  meeting_id: number;
  meeting_title: string;
  owner_park: ParkRef | null;
  owner_unit: string;
  text: string;
  deadline: string;
  status: ActionStatus;
  overdue: boolean;
  done_at: string | null;
};

export type Minutes = {
  id: number;
  meeting_id: number;
  version: number;
  body: string;
  status: 'draft' | 'published';
  published_at: string | null;
  reviews: { id: number; text: string; author: string; created_at: string }[];
};

export type ActionDetail = ActionItem & { updates: ActionUpdate[] };

export type Attendance = { park: ParkRef; delegates: string; rsvp: Rsvp; present: boolean };

export type CalendarSubscription = { scope: 'user' | 'park'; park_id: number | null; url: string; created_at: string };
