import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router-dom';

import { useUser } from '@/features/auth/api/get-me';
import { RequireAuth } from '@/features/auth/components/require-auth';
import type { User } from '@/features/auth/types';
import { DockingShell } from '@/features/docking/components/docking-shell';
import { MarketplacePage } from '@/features/docking/components/marketplace-page';
import { PostingDetailPage } from '@/features/docking/components/posting-detail-page';
import { PostingEditorPage } from '@/features/docking/components/posting-editor';
import { RequestDetailPage, RequestsPage } from '@/features/docking/components/requests-page';
import { ReviewPage } from '@/features/docking/components/review-page';
import { SavedSearchesPage } from '@/features/docking/components/saved-searches-page';
import { StatsPage } from '@/features/docking/components/stats-page';
import { ThreadPage, ThreadsPage } from '@/features/docking/components/thread-page';
import type { DockingViewer } from '@/features/docking/types';

import { NotFoundRoute } from './not-found';

function viewerOf(user: User): DockingViewer {
  const isSecretariat = user.role === 'secretariat' || user.role === 'admin';
  return {
    isSecretariat,
    canWrite: isSecretariat || user.role === 'park_staff' || user.role === 'org_user',
    isParkStaff: user.role === 'park_staff',
  };
}

function WithId({ render }: { render: (id: number) => React.ReactNode }) {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? <>{render(value)}</> : <NotFoundRoute />;
}

function DockingPages() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  if (!user) {
    return null;
  }
  if (!user.role) {
    return <Result status="403" title={t('docking.noRole')} />;
  }
  const viewer = viewerOf(user);
  return (
    <DockingShell viewer={viewer}>
      <Routes>
        <Route index element={<MarketplacePage />} />
        <Route path="mine" element={<MarketplacePage key="mine" mine />} />
        <Route path="postings/new" element={<PostingEditorPage />} />
        <Route path="postings/:id" element={<WithId render={(id) => <PostingDetailPage key={id} id={id} />} />} />
        <Route path="postings/:id/edit" element={<WithId render={(id) => <PostingEditorPage key={id} id={id} />} />} />
        <Route path="requests" element={<RequestsPage />} />
        <Route path="requests/:id" element={<WithId render={(id) => <RequestDetailPage key={id} id={id} />} />} />
        <Route path="threads" element={<ThreadsPage />} />
        <Route path="threads/:id" element={<WithId render={(id) => <ThreadPage key={id} id={id} />} />} />
        <Route path="searches" element={<SavedSearchesPage />} />
        {viewer.isSecretariat ? <Route path="review" element={<ReviewPage />} /> : null}
        {viewer.isSecretariat ? <Route path="stats" element={<StatsPage />} /> : null}
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </DockingShell>
  );
}

/** /docking/* — the online docking sub-platform (在线对接), loaded on demand. Notification
 * links point at /docking/postings/:id, /docking/requests/:id and /docking/threads/:id. */
export function DockingRoutes() {
  return (
    <RequireAuth>
      <DockingPages />
    </RequireAuth>
  );
}
