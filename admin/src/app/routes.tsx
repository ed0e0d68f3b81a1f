import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { HomeRoute, RequireArea } from './require-area';
import { RequireSession } from './require-session';
import { STAFF_ROLES } from './roles';
import { RouteErrorPage } from './route-error-page';

// One chunk per area, so the first screen only loads the layout and the page it shows.
const LoginPage = lazy(() => import('../features/login/login-page'));
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page'));
const CasesPage = lazy(() => import('../features/cases/cases-page'));
const CasePage = lazy(() => import('../features/cases/case-page'));
const DataImportPage = lazy(() => import('../features/data-import/data-import-page'));
const BatchDetailPage = lazy(() => import('../features/data-import/batch-detail-page'));
const TariffsPage = lazy(() => import('../features/tariffs/tariffs-page'));
const ChargingEntitiesPage = lazy(
  () => import('../features/charging-entities/charging-entities-page'),
);
const EntityProfilePage = lazy(() => import('../features/charging-entities/entity-profile-page'));
const WarningsCreditPage = lazy(() => import('../features/warnings-credit/warnings-credit-page'));
const AuditLogsPage = lazy(() => import('../features/audit-logs/audit-logs-page'));
const MyEntityPage = lazy(() => import('../features/my-entity/my-entity-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));
const PublicSpotChecksPage = lazy(
  () => import('../features/warnings-credit/public-spot-checks-page'),
);

/** An area's page, shown only to the roles its menu entry lists. */
const area = (path: string, page: ReactNode) => <RequireArea path={path}>{page}</RequireArea>;

/** Paths match `navItems`; the router is created with basename `/admin`. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  // 一公开: anyone reads the published spot-check lists, signed in or not.
  {
    path: '/public/spot-checks',
    element: <PublicSpotChecksPage />,
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless: a failing page is replaced inside the layout, the menu stays usable.
        errorElement: <RouteErrorPage />,
        children: [
          {
            index: true,
            element: <HomeRoute>{area('/', <DashboardPage />)}</HomeRoute>,
          },
          { path: 'cases', element: area('/cases', <CasesPage />) },
          { path: 'cases/:caseId', element: area('/cases', <CasePage />) },
          { path: 'imports', element: area('/imports', <DataImportPage />) },
          {
            // The API shows batches to regulator staff only.
            path: 'imports/:batchId',
            element: (
              <RequireArea path="/imports" roles={STAFF_ROLES}>
                <BatchDetailPage />
              </RequireArea>
            ),
          },
          { path: 'tariffs', element: area('/tariffs', <TariffsPage />) },
          {
            path: 'charging-entities',
            element: area('/charging-entities', <ChargingEntitiesPage />),
          },
          {
            path: 'charging-entities/:entityId',
            element: area('/charging-entities', <EntityProfilePage />),
          },
          { path: 'warnings', element: area('/warnings', <WarningsCreditPage />) },
          { path: 'audit-logs', element: area('/audit-logs', <AuditLogsPage />) },
          { path: 'my-entity', element: area('/my-entity', <MyEntityPage />) },
          { path: 'settings', element: area('/settings', <SettingsPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const ROUTER_BASENAME = '/admin';
