import { useParams } from 'react-router-dom';

import { useUser } from '@/features/auth/api/get-me';
import type { User } from '@/features/auth/types';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { ActionsPage } from '@/features/alliance/components/actions-page';
import { MeetingPage } from '@/features/alliance/components/meeting-page';
import { MeetingsPage } from '@/features/alliance/components/meetings-page';
import { ProjectorPage } from '@/features/alliance/components/projector-page';
import type { Viewer } from '@/features/alliance/types';

function viewerOf(user: User): Viewer {
  return {
    isSecretariat: user.role === 'secretariat' || user.role === 'admin',
    parkId: user.role === 'park_staff' ? (user.park?.id ?? null) : null,
  };
}

function WithViewer({ render }: { render: (viewer: Viewer) => React.ReactNode }) {
  const { data: user } = useUser();
  return user ? <>{render(viewerOf(user))}</> : null;
}

export function AllianceRoute() {
  return (
    <RequireAuth>
      <WithViewer render={(viewer) => <MeetingsPage viewer={viewer} />} />
    </RequireAuth>
  );
}

export function AllianceMeetingRoute() {
  const { id } = useParams();
  return (
    <RequireAuth>
      <WithViewer render={(viewer) => <MeetingPage key={id} meetingId={Number(id)} viewer={viewer} />} />
    </RequireAuth>
  );
}

export function AllianceProjectorRoute() {
  const { id } = useParams();
  return (
    <RequireAuth>
      <ProjectorPage meetingId={Number(id)} />
    </RequireAuth>
  );
}

export function AllianceActionsRoute() {
  return (
    <RequireAuth>
      <WithViewer render={(viewer) => <ActionsPage viewer={viewer} />} />
    </RequireAuth>
  );
}
