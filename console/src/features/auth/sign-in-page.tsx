import {
  Anchor,
  Button,
  Card,
  Center,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useMe } from '../../app/use-me';
import { ErrorAlert } from '../../components/query-state';

/** Sign in with a local password or single sign-on; one-time links land here already signed in. */
export function SignInPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/session/sign-in', { body: { email: email.trim(), password } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    },
  });
  if (me.data) return <Navigate to="/" replace />;
  return (
    <Center mih="100vh" component="main">
      <Card withBorder w={380} p="lg">
        <Stack>
          <Title order={1} size="h2">
            Sign in to Roster
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              signIn.mutate();
            }}
          >
            <Stack>
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                required
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={signIn.isPending}>
                Sign in
              </Button>
            </Stack>
          </form>
          {signIn.error && <ErrorAlert error={signIn.error} title="Not signed in" />}
          <Divider label="or" />
          <Button component="a" href="/auth/oidc/start" variant="default">
            Sign in with single sign-on
          </Button>
          <Text size="xs" c="dimmed">
            No password yet? An admin can send you a one-time link (<code>roster sign-in-link you@…</code>). A
            new installation is set up with its{' '}
            <Anchor component={Link} to="/setup" size="xs">
              setup token
            </Anchor>
            .
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
