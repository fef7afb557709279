import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { RouteError } from '../components/route-error';
import { prefetchApps } from '../features/apps/apps-list';
import { prefetchPeople } from '../features/people/people-list';
import { queryClient } from './query-client';
import { Shell } from './shell';

/**
 * Every page is its own chunk, loaded when first visited: the first paint carries only the shell,
 * Mantine and the data layer. A page may name its `prefetch`: on each visit it asks for the page's
 * data while the chunk loads, without waiting for the page to render, and without holding up the
 * navigation (the page shows its own loading state).
 */
const page = <T,>(
  load: () => Promise<T>,
  pick: (m: T) => React.ComponentType,
  prefetch?: (client: QueryClient) => Promise<void>,
) => ({
  lazy: async () => ({ Component: pick(await load()) }),
  ...(prefetch && {
    loader: () => {
      void prefetch(queryClient);
      return null;
    },
  }),
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
    path: '/set-password',
    ...page(
      () => import('../features/auth/set-password-page'),
      (m) => m.SetPasswordPage,
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
          prefetchApps,
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
          prefetchPeople,
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
        path: 'offboarding',
        ...page(
          () => import('../features/offboarding/offboarding-page'),
          (m) => m.OffboardingPage,
        ),
      },
      {
        path: 'offboarding/person/:email',
        ...page(
          () => import('../features/offboarding/person-offboarding-redirect'),
          (m) => m.PersonOffboardingRedirect,
        ),
      },
      {
        path: 'offboarding/:id',
        ...page(
          () => import('../features/offboarding/offboarding-view-page'),
          (m) => m.OffboardingViewPage,
        ),
      },
      {
        path: 'expenses',
        ...page(
          () => import('../features/expenses/expenses-page'),
          (m) => m.ExpensesPage,
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
        path: 'workflows',
        ...page(
          () => import('../features/workflows/workflows-page'),
          (m) => m.WorkflowsPage,
        ),
      },
      {
        path: 'workflows/new',
        ...page(
          () => import('../features/workflows/workflow-page'),
          (m) => m.WorkflowPage,
        ),
      },
      {
        path: 'workflows/:name',
        ...page(
          () => import('../features/workflows/workflow-page'),
          (m) => m.WorkflowPage,
        ),
      },
      {
        path: 'extension',
        ...page(
          () => import('../features/extension/extension-page'),
          (m) => m.ExtensionPage,
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
        path: 'settings/organisation',
        ...page(
          () => import('../features/admin/organisation-page'),
          (m) => m.OrganisationPage,
        ),
      },
      {
        path: 'settings/members',
        ...page(
          () => import('../features/admin/members-page'),
          (m) => m.MembersPage,
        ),
      },
      {
        path: 'settings/tokens',
        ...page(
          () => import('../features/admin/tokens-page'),
          (m) => m.TokensPage,
        ),
      },
      {
        path: 'settings/audit',
        ...page(
          () => import('../features/admin/audit-page'),
          (m) => m.AuditPage,
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
