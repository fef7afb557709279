import { Anchor, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/query-state';

/**
 * Sets (or resets) a local password with a one-time password link (`roster password-link`): the link's
 * token comes in the address, or is pasted. Opening the page changes nothing; only the button spends the
 * token, so a link unfurler that fetches the address cannot use it up.
 */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? '');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const mismatch = repeated !== '' && repeated !== password;
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/session/password', { body: { token: token.trim(), password } })),
  });
  return (
    <Center mih="100vh" component="main">
      <Card withBorder w={400} p="lg">
        <Stack>
          <Title order={1} size="h2">
            Set your password
          </Title>
          {save.data ? (
            <>
              <Text>The password of {save.data.email} is set.</Text>
              <Anchor component={Link} to="/sign-in">
                Sign in
              </Anchor>
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!mismatch) save.mutate();
              }}
            >
              <Stack>
                {!params.get('token') && (
                  <TextInput
                    label="Password link token"
                    description="the token printed by roster password-link"
                    value={token}
                    onChange={(e) => setToken(e.currentTarget.value)}
                    required
                  />
                )}
                <PasswordInput
                  label="New password"
                  description="at least 12 characters"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  required
                />
                <PasswordInput
                  label="Repeat the password"
                  autoComplete="new-password"
                  value={repeated}
                  onChange={(e) => setRepeated(e.currentTarget.value)}
                  error={mismatch ? 'The two passwords differ' : undefined}
                  required
                />
                <Button type="submit" loading={save.isPending}>
                  Set password
                </Button>
              </Stack>
            </form>
          )}
          {save.error && <ErrorAlert error={save.error} title="Password not set" />}
        </Stack>
      </Card>
    </Center>
  );
}
