import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { AppProviders } from '../app/app-providers';
import { ROUTER_BASENAME, routes } from '../app/routes';

export { jsonResponse } from './json-response';

/** Renders the whole console at `path` (a full path under `/admin`, as in the browser). */
export function renderApp(path: string) {
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
