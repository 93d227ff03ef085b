import { createBrowserRouter, type RouteObject } from 'react-router-dom';

import { PageSpinner } from '@/components/page-spinner';

import { AppLayout } from './layout/app-layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

// Django serves index.html for every one of these paths (client-side routing).
// Only the layout and the home page are in the first page's JavaScript; every other page is
// its own chunk, so a page's components (tables, forms, pickers) load when it is opened.
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: 'login',
        lazy: () => import('./routes/login').then(({ LoginRoute }) => ({ Component: LoginRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'account',
        lazy: () => import('./routes/account').then(({ AccountRoute }) => ({ Component: AccountRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'notifications',
        lazy: () =>
          import('./routes/notifications').then(({ NotificationsRoute }) => ({ Component: NotificationsRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'parks',
        lazy: () => import('./routes/parks').then(({ ParksRoute }) => ({ Component: ParksRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'parks/:id',
        lazy: () => import('./routes/parks').then(({ ParkRoute }) => ({ Component: ParkRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'organisations',
        lazy: () =>
          import('./routes/organisations').then(({ OrganisationsRoute }) => ({ Component: OrganisationsRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
      {
        path: 'organisations/:id',
        lazy: () =>
          import('./routes/organisations').then(({ OrganisationRoute }) => ({ Component: OrganisationRoute })),
        hydrateFallbackElement: <PageSpinner />,
      },
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
        path: 'matching/weights',
        lazy: () => import('./routes/matching').then(({ MatchingWeightsRoute }) => ({ Component: MatchingWeightsRoute })),
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
