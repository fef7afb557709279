import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatDate } from '../../api/format';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { type MemberRole, memberRoleLabels, roleOptions } from './roles';

type Member = Schemas['AdminMember'];

function InviteMember() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('read-only');
  const invite = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/members', { body: { email: email.trim(), role } })),
    onSuccess: async () => {
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate();
      }}
      aria-label="Invite a member"
    >
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            w={280}
          />
          <NativeSelect
            label="Role"
            value={role}
            data={roleOptions(memberRoleLabels)}
            onChange={(e) => setRole(e.currentTarget.value as MemberRole)}
          />
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          The new member signs in with single sign-on, or with a one-time link or a password link an admin
          prints for them (<code>roster sign-in-link</code>, <code>roster password-link</code>).
        </Text>
        {invite.error && <ErrorAlert error={invite.error} title="Not invited" />}
        {invite.data && <Text size="sm">{invite.data.email} was added.</Text>}
      </Stack>
    </form>
  );
}

function MemberRow({ member }: { member: Member }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (body: { role?: MemberRole; disabled?: boolean }) =>
      unwrap(api.PATCH('/api/v1/members/{email}', { params: { path: { email: member.email } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{member.email}</Text>
        {update.error && <ErrorAlert error={update.error} title="Not changed" />}
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`Role of ${member.email}`}
          value={member.role}
          data={roleOptions(memberRoleLabels)}
          disabled={member.disabled || update.isPending}
          onChange={(e) => update.mutate({ role: e.currentTarget.value as MemberRole })}
        />
      </Table.Td>
      <Table.Td>
        {[member.hasPassword && 'password', member.singleSignOnBound && 'single sign-on']
          .filter(Boolean)
          .join(', ') || <Text c="dimmed">one-time links</Text>}
      </Table.Td>
      <Table.Td>{formatDate(member.createdAt)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={member.disabled ? 700 : 400}>
          {member.disabled ? 'disabled' : 'active'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="default"
          loading={update.isPending}
          onClick={() => update.mutate({ disabled: !member.disabled })}
          aria-label={`${member.disabled ? 'Enable' : 'Disable'} ${member.email}`}
        >
          {member.disabled ? 'Enable' : 'Disable'}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Who may sign in to Roster and with which role; disabling ends their sessions and revokes their tokens. */
export function MembersPage() {
  const members = useQuery({ queryKey: ['members'], queryFn: () => unwrap(api.GET('/api/v1/members')) });
  return (
    <Stack>
      <Title order={1}>Members and roles</Title>
      <InviteMember />
      {!members.data ? (
        <QueryState query={members} what="members" />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Signs in with</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((m) => (
                <MemberRow key={m.id} member={m} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        Disabling a member ends their sessions and revokes the API tokens they created, at once.
      </Text>
    </Stack>
  );
}
