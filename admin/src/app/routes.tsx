import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

// One chunk per area, so the first screen only loads the layout and the page it shows.
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page'));
const CasesPage = lazy(() => import('../features/cases/cases-page'));
const DataImportPage = lazy(() => import('../features/data-import/data-import-page'));
const TariffsPage = lazy(() => import('../features/tariffs/tariffs-page'));
const ChargingEntitiesPage = lazy(
  () => import('../features/charging-entities/charging-entities-page'),
);
const WarningsCreditPage = lazy(() => import('../features/warnings-credit/warnings-credit-page'));
const AuditLogsPage = lazy(() => import('../features/audit-logs/audit-logs-page'));

/** Paths match `navItems`; the router is created with basename `/admin`. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless: a failing page is replaced inside the layout, the menu stays usable.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'cases', element: <CasesPage /> },
          { path: 'imports', element: <DataImportPage /> },
          { path: 'tariffs', element: <TariffsPage /> },
          { path: 'charging-entities', element: <ChargingEntitiesPage /> },
          { path: 'warnings', element: <WarningsCreditPage /> },
          { path: 'audit-logs', element: <AuditLogsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const ROUTER_BASENAME = '/admin';
