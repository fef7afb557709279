import { createBrowserRouter } from 'react-router';
import { RouteError } from '../components/route-error';
import { Shell } from './shell';

/**
 * Every page is its own chunk, loaded when first visited: the first paint carries only the shell,
 * Mantine and the data layer.
 */
const page = <T,>(load: () => Promise<T>, pick: (m: T) => React.ComponentType) => ({
  lazy: async () => ({ Component: pick(await load()) }),
});

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    ...page(
      () => import('../features/auth/sign-in-page'),
      (m) => m.SignInPage,
    ),
  },
  {
    path: '/setup',
    ...page(
      () => import('../features/auth/setup-page'),
      (m) => m.SetupPage,
    ),
  },
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        ...page(
          () => import('../features/overview/overview-page'),
          (m) => m.OverviewPage,
        ),
      },
      {
        path: 'apps',
        ...page(
          () => import('../features/apps/apps-page'),
          (m) => m.AppsPage,
        ),
      },
      {
        path: 'apps/:ref',
        ...page(
          () => import('../features/apps/app-page'),
          (m) => m.AppPage,
        ),
      },
      {
        path: 'people',
        ...page(
          () => import('../features/people/people-page'),
          (m) => m.PeoplePage,
        ),
      },
      {
        path: 'people/:email',
        ...page(
          () => import('../features/people/person-page'),
          (m) => m.PersonPage,
        ),
      },
      {
        path: 'licenses',
        ...page(
          () => import('../features/licenses/inactive-licenses-page'),
          (m) => m.InactiveLicensesPage,
        ),
      },
      {
        path: 'integrations',
        ...page(
          () => import('../features/integrations/integrations-page'),
          (m) => m.IntegrationsPage,
        ),
      },
      {
        path: 'integrations/new',
        ...page(
          () => import('../features/integrations/add-source-page'),
          (m) => m.AddSourcePage,
        ),
      },
      {
        path: 'settings/merge-users',
        ...page(
          () => import('../features/merge/merge-users-page'),
          (m) => m.MergeUsersPage,
        ),
      },
      {
        path: '*',
        ...page(
          () => import('../components/not-found-page'),
          (m) => m.NotFoundPage,
        ),
      },
    ],
  },
]);
