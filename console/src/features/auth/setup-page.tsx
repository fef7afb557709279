import { Button, Card, Center, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/query-state';

/** First start: the setup token printed by `roster serve` makes the first admin and signs them in. */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [token, setToken] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [email, setEmail] = useState('');
  const setup = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/setup', { body: { token: token.trim(), email: email.trim() } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      navigate('/', { replace: true });
    },
  });
  return (
    <Center mih="100vh" component="main">
      <Card withBorder w={420} p="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setup.mutate();
          }}
        >
          <Stack>
            <Title order={1} size="h2">
              Set up Roster
            </Title>
            <Text size="sm">
              Paste the one-time setup token that <code>roster serve</code> printed at its first start, and
              the email of the first admin.
            </Text>
            <TextInput
              label="Setup token"
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              required
            />
            <TextInput
              label="Admin email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={setup.isPending}>
              Create the first admin
            </Button>
            {setup.error && <ErrorAlert error={setup.error} title="Setup failed" />}
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
