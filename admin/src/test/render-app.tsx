import { render } from '@testing-library/react';
import type { DashboardView, LoginResponse, Me, Role } from '@zgd/shared-types';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { startSession } from '../api/session';
import { AppProviders } from '../app/app-providers';
import { ROUTER_BASENAME, routes } from '../app/routes';

export { jsonResponse } from './json-response';

export const TEST_TOKEN = 'test-token';

/** What the start page (工作台) loads besides the health check, with nothing in it. */
export const EMPTY_DASHBOARD: DashboardView = {
  districtCode: null,
  states: [],
  casesByDistrict: [],
  overdueTotal: 0,
  dueSoonTotal: 0,
  moneyByMonth: [],
  topEntities: [],
};

const users: Record<Role, Me> = {
  city_admin: user(1, 'admin', '市局管理员', 'city_admin'),
  district_officer: {
    ...user(2, 'pudong', '浦东办案员', 'district_officer'),
    districtCode: '310115',
  },
  district_lead: {
    ...user(3, 'pudong-lead', '浦东负责人', 'district_lead'),
    districtCode: '310115',
  },
  entity_user: {
    ...user(5, 'entity', '闵行某工业园', 'entity_user'),
    entityId: '91310112YUYU122BX0',
  },
  tenant: { ...user(6, 'tenant', '租户1号商行', 'tenant'), tenantId: '91310120FLCR63F09K' },
};

function user(userId: number, username: string, displayName: string, role: Role): Me {
  return {
    userId,
    username,
    displayName,
    role,
    districtCode: null,
    entityId: null,
    tenantId: null,
  };
}

/** A login answer for one of the test users, valid for an hour. */
export function loginAnswer(role: Role = 'city_admin'): LoginResponse {
  return {
    token: TEST_TOKEN,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: users[role],
  };
}

/** Signs a test user in, as a successful login would have. */
export function signIn(role: Role = 'city_admin') {
  startSession(loginAnswer(role));
}

/**
 * Renders the whole console at `path` (a full path under `/admin`, as in the browser),
 * signed in as `as` (the city admin unless told otherwise; `null` for signed out).
 */
export function renderApp(path: string, { as = 'city_admin' }: { as?: Role | null } = {}) {
  if (as) signIn(as);
  const router = createMemoryRouter(routes, {
    basename: ROUTER_BASENAME,
    initialEntries: [path],
  });
  const view = render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}
