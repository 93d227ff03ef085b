/** One row of GET /api/notifications/ (title, body and label in the request's language). */
export type Notification = {
  id: number;
  kind: string;
  kind_label: string;
  urgent: boolean;
  title: string;
  body: string;
  /** A path inside the web app, or "" when the notification points nowhere. */
  link: string;
  created: string;
  read_at: string | null;
};

export type NotificationPage = {
  count: number;
  next: string | null;
  previous: string | null;
  results: Notification[];
};

export type NotificationFilters = {
  kind?: string;
  unread?: boolean;
  page?: number;
  pageSize?: number;
};

export type UnreadCount = {
  unread: number;
  /** The newest notification id: where the websocket resumes from on a fresh page. */
  latest_id: number;
};

export type NotificationPreference = {
  kind: string;
  kind_label: string;
  urgent: boolean;
  in_app: boolean;
  email: boolean;
};
