import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatAge, formatDate } from '../../api/format';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { roleOptions, type TokenRole, tokenRoleLabels } from './roles';

type Token = Schemas['Token'];

/** A date input's day, as the end of that day in the viewer's time zone: a token works through it. */
const endOfDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1).toISOString();
};

function CreateToken() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('read-only');
  const [expires, setExpires] = useState('');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/tokens', {
          body: { name: name.trim(), role, expiresAt: expires ? endOfDay(expires) : null },
        }),
      ),
    onSuccess: async () => {
      setName('');
      setExpires('');
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  return (
    <Stack gap="xs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
        aria-label="Create a token"
      >
        <Group align="flex-end">
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <NativeSelect
            label="Role"
            value={role}
            data={roleOptions(tokenRoleLabels)}
            onChange={(e) => setRole(e.currentTarget.value as TokenRole)}
          />
          <TextInput
            label="Expires after"
            description="empty: never"
            type="date"
            value={expires}
            onChange={(e) => setExpires(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </form>
      {create.error && <ErrorAlert error={create.error} title="No token created" />}
      {create.data && (
        // The secret exists only in this answer: it is stored hashed and never shown again.
        <Alert color="yellow" title={`Token ${create.data.name} created`} data-testid="new-token">
          <Stack gap="xs">
            <Text size="sm">Copy it now: Roster shows it this once and cannot show it again.</Text>
            <Group>
              <Code data-testid="token-secret">{create.data.token}</Code>
              <CopyButton value={create.data.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="subtle" onClick={() => create.reset()}>
                Done
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function TokenRow({ token }: { token: Token }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  return (
    <Table.Tr>
      <Table.Td>{token.name}</Table.Td>
      <Table.Td>{token.role}</Table.Td>
      <Table.Td>{token.createdBy.replace(/^member:/, '')}</Table.Td>
      <Table.Td>{formatDate(token.createdAt)}</Table.Td>
      <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : 'never'}</Table.Td>
      <Table.Td>{token.lastUsedAt ? formatAge(token.lastUsedAt) : 'never'}</Table.Td>
      <Table.Td>
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={revoke.isPending}
          onClick={() => revoke.mutate()}
          aria-label={`Revoke ${token.name}`}
        >
          Revoke
        </Button>
        {revoke.error && <ErrorAlert error={revoke.error} title="Not revoked" />}
      </Table.Td>
    </Table.Tr>
  );
}

/** API tokens for scripts and scrapers: created with a role and an expiry, revoked at once. */
export function TokensPage() {
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => unwrap(api.GET('/api/v1/tokens')) });
  return (
    <Stack>
      <Title order={1}>API tokens</Title>
      <CreateToken />
      {!tokens.data ? (
        <QueryState query={tokens} what="tokens" />
      ) : tokens.data.items.length === 0 ? (
        <Text c="dimmed">No active tokens.</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Created by</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((t) => (
                <TokenRow key={t.id} token={t} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
