import { AppShell, Burger, Button, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { api } from '../api/client';
import { QueryState } from '../components/query-state';
import { useMe } from './use-me';

const sections = [
  { to: '/', label: 'Overview' },
  { to: '/apps', label: 'Apps' },
  { to: '/people', label: 'People' },
  { to: '/licenses', label: 'Inactive licenses' },
  { to: '/expenses', label: 'Expenses' },
  { to: '/offboarding', label: 'Offboarding' },
  { to: '/workflows', label: 'Workflows' },
  { to: '/integrations', label: 'Integrations' },
  { to: '/extension', label: 'Browser extension' },
  { to: '/settings/merge-users', label: 'Settings · Merge Users' },
];
/** Sections only admins may use (the API refuses everyone else anyway). */
const adminSections = [
  { to: '/settings/organisation', label: 'Settings · Organisation' },
  { to: '/settings/members', label: 'Settings · Members' },
  { to: '/settings/tokens', label: 'Settings · API tokens' },
  { to: '/settings/audit', label: 'Settings · Audit log' },
];

const isActive = (pathname: string, to: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

/** The signed-in frame: navigation, who is signed in, and the current page. */
export function Shell() {
  const me = useMe();
  const [opened, { toggle }] = useDisclosure();
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const queryClient = useQueryClient();
  if (me.isPending || me.isError) return <QueryState query={me} />;
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: pathname }} />;
  // Everywhere: every session of this member ends (a lost laptop, a shared computer), this one too.
  const signOut = async (everywhere: boolean) => {
    await api.POST(everywhere ? '/api/v1/session/sign-out-everywhere' : '/api/v1/session/sign-out');
    queryClient.clear();
    window.location.assign('/sign-in');
  };
  const navSections = me.data.role === 'admin' ? [...sections, ...adminSections] : sections;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Title order={2} size="h4">
              Roster
            </Title>
            {navigation.state === 'loading' && <Loader size="xs" aria-label="Loading page" />}
          </Group>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {me.data.actor.replace(/^member:/, '')} · {me.data.role}
            </Text>
            {me.data.kind === 'session' && (
              <>
                <Button variant="default" size="xs" onClick={() => signOut(false)}>
                  Sign out
                </Button>
                <Button variant="subtle" size="xs" onClick={() => signOut(true)}>
                  Sign out everywhere
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Sections">
        {navSections.map((s) => (
          <NavLink key={s.to} component={Link} to={s.to} label={s.label} active={isActive(pathname, s.to)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader aria-label="Loading" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
