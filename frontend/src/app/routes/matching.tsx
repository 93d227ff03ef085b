import { useParams } from 'react-router-dom';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { ProjectDetail } from '@/features/matching/components/project-detail';
import { ProjectList } from '@/features/matching/components/project-list';
import { SplitReportPage } from '@/features/matching/components/split-report';

import { NotFoundRoute } from './not-found';

export function MatchingRoute() {
  return (
    <RequireAuth>
      <ProjectList />
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
