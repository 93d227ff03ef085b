import { createBrowserRouter, type RouteObject } from 'react-router-dom';

import { PageSpinner } from '@/components/page-spinner';

import { AppLayout } from './layout/app-layout';
import { AccountRoute } from './routes/account';
import { HomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { NotificationsRoute } from './routes/notifications';
import { OrganisationRoute, OrganisationsRoute } from './routes/organisations';
import { ParkRoute, ParksRoute } from './routes/parks';
import { RouteError } from './routes/route-error';

// Django serves index.html for every one of these paths (client-side routing).
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'account', element: <AccountRoute /> },
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'parks', element: <ParksRoute /> },
      { path: 'parks/:id', element: <ParkRoute /> },
      { path: 'organisations', element: <OrganisationsRoute /> },
      { path: 'organisations/:id', element: <OrganisationRoute /> },
      // Cytoscape.js is loaded only by the page that draws graphs.
      {
        path: 'explorer',
        lazy: () => import('./routes/explorer').then(({ ExplorerRoute }) => ({ Component: ExplorerRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'alliance/*',
        lazy: () => import('./routes/alliance-routes').then(({ AllianceRoutes }) => ({ Component: AllianceRoutes })),
        hydrateFallbackElement: <PageSpinner />,
      },
      // Online docking (在线对接): marketplace, requests, conversations, secretariat tools.
      {
        path: 'docking/*',
        lazy: () => import('./routes/docking').then(({ DockingRoutes }) => ({ Component: DockingRoutes })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'research',
        lazy: () => import('./routes/research').then(({ ResearchRoute }) => ({ Component: ResearchRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      // Joint-investment matching (draws justifying paths with Cytoscape.js, so loaded lazily).
      {
        path: 'matching',
        lazy: () => import('./routes/matching').then(({ MatchingRoute }) => ({ Component: MatchingRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'matching/projects/:id',
        lazy: () =>
          import('./routes/matching').then(({ MatchingProjectRoute }) => ({ Component: MatchingProjectRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'matching/split-report',
        lazy: () => import('./routes/matching').then(({ SplitReportRoute }) => ({ Component: SplitReportRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
