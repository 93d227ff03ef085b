import { useParams } from 'react-router-dom';

import { useUser } from '@/features/auth/api/get-me';
import { RequireAuth } from '@/features/auth/components/require-auth';
import type { User } from '@/features/auth/types';
import { ProjectDetail } from '@/features/matching/components/project-detail';
import { ProjectList } from '@/features/matching/components/project-list';
import { SplitReportPage } from '@/features/matching/components/split-report';
import { WeightsPage } from '@/features/matching/components/weights-page';

import { NotFoundRoute } from './not-found';

/** The secretariat (and admins) set the matching weights; every other role reads them. */
function setsWeights(user: User | null | undefined): boolean {
  return user?.role === 'secretariat' || user?.role === 'admin';
}

function ProjectListPage() {
  const { data: user } = useUser();
  return <ProjectList canSetWeights={setsWeights(user)} />;
}

export function MatchingRoute() {
  return (
    <RequireAuth>
      <ProjectListPage />
    </RequireAuth>
  );
}

export function MatchingProjectRoute() {
  const { id } = useParams();
  const projectId = Number(id);
  return (
    <RequireAuth>
      {Number.isInteger(projectId) && projectId > 0 ? <ProjectDetail key={projectId} id={projectId} /> : <NotFoundRoute />}
    </RequireAuth>
  );
}

export function SplitReportRoute() {
  return (
    <RequireAuth>
      <SplitReportPage />
    </RequireAuth>
  );
}

function WeightsPageForUser() {
  const { data: user } = useUser();
  return <WeightsPage canEdit={setsWeights(user)} />;
}

export function MatchingWeightsRoute() {
  return (
    <RequireAuth>
      <WeightsPageForUser />
    </RequireAuth>
  );
}
