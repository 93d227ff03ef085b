export type Role = 'admin' | 'secretariat' | 'park_staff' | 'org_user' | 'researcher';

export type NamedRef = {
  id: number;
  name: string;
};

/** The body of GET /api/me and of a successful POST /api/auth/login. */
export type User = {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  role_label: string;
  park: NamedRef | null;
  organisation: NamedRef | null;
  is_staff: boolean;
};
