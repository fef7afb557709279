import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatAge } from '../../api/format';
import { useMe } from '../../app/use-me';
import type { Columns } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';
import { ErrorAlert, QueryState } from '../../components/query-state';

type Status = Schemas['ExtensionStatus'];
type Silent = Status['notReporting'][number];

const column = createColumnHelper<Silent>();
const columns: Columns<Silent> = [
  column.accessor('email', { header: 'Employee' }),
  column.accessor('name', { header: 'Name', cell: (c) => c.getValue() ?? '' }),
  column.accessor('lastReportedAt', {
    header: 'Last reported',
    cell: (c) => {
      const at = c.getValue();
      return at ? formatAge(at) : 'never';
    },
  }),
];

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} data-testid={testId}>
        {value.toLocaleString()}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** Emails every employee on the list a reminder to connect the extension; admins only, as in the API. */
function Remind({ days }: { days: number }) {
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/extension/remind', { body: { days } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['extension-status'] }),
  });
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => remind.mutate()} loading={remind.isPending}>
          Email a reminder to each
        </Button>
        <Text size="sm" c="dimmed">
          Sent to each person’s primary email; nobody is reminded twice within a week.
        </Text>
      </Group>
      {remind.error && <ErrorAlert error={remind.error} title="No reminders sent" />}
      {remind.data && (
        <Alert color="green" title="Reminders sent" data-testid="remind-result">
          {remind.data.sent.length} sent, {remind.data.skipped.length} already reminded within the week.
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Whom the browser extension reports for: installs by mode, people reporting, and the employees it has not
 * heard from within N days — not installed, not connected, or silent — with a reminder to send them.
 */
export function ExtensionPage() {
  const [days, setDays] = useState(14);
  const isAdmin = useMe().data?.role === 'admin';
  const status = useQuery({
    queryKey: ['extension-status', days],
    queryFn: () => unwrap(api.GET('/api/v1/extension/status', { params: { query: { days } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Stack>
      <Title order={1}>Browser extension</Title>
      <Text size="sm" c="dimmed">
        The extension reports visits, sign-ins and sign-ups on known app domains for addresses in the
        organisation’s domains. Deploy it by policy as docs/browser-extension.md shows.
      </Text>
      <NumberInput
        label="Not reporting for (days)"
        value={days}
        min={1}
        max={365}
        w={220}
        onChange={(value) => typeof value === 'number' && value >= 1 && value <= 365 && setDays(value)}
      />
      {!status.data ? (
        <QueryState query={status} what="the extension’s status" />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label="People reporting" value={status.data.peopleReporting} testId="people-reporting" />
            <Figure
              label="Connected by sign-in"
              value={status.data.tokensByMode.authenticated}
              testId="mode-authenticated"
            />
            <Figure
              label="Enrolled by profile"
              value={status.data.tokensByMode.unauthenticated}
              testId="mode-unauthenticated"
            />
            <Figure
              label="Issued by an admin"
              value={status.data.tokensByMode.issuedByAdmin}
              testId="mode-admin"
            />
            <Figure
              label={`Employees not reporting for ${status.data.days} days`}
              value={status.data.notReporting.length}
              testId="not-reporting"
            />
          </SimpleGrid>
          <Title order={2} size="h3">
            Employees not reporting
          </Title>
          {isAdmin && status.data.notReporting.length > 0 && <Remind days={status.data.days} />}
          <PagedTable<Silent>
            noun="Employees not reporting"
            columns={columns}
            rows={status.data.notReporting}
            rowKey={(r) => r.email}
            empty="Every current employee’s extension has reported within this window."
          />
        </>
      )}
    </Stack>
  );
}
