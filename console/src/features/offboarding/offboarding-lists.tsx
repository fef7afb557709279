import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatDateTime, formatNumber } from '../../api/format';
import { type Columns, DataTable } from '../../components/data-table';
import { completionText, countsText, offboardingPath, personOffboardingPath } from './offboarding-rules';
import { StartOffboardingButton } from './start-offboarding';
import { useCandidates, useDrift, useOffboardingList } from './use-offboarding';

type Candidate = NonNullable<ReturnType<typeof useCandidates>['data']>['items'][number];
type Summary = Schemas['OffboardingSummary'];
type Drift = NonNullable<ReturnType<typeof useDrift>['data']>['items'][number];

const candidate = createColumnHelper<Candidate>();
const summary = createColumnHelper<Summary>();
const drift = createColumnHelper<Drift>();

/** Candidates have no offboarding yet: their row opens the person, where it is started. */
const personLink = (email: string) => (
  <Anchor component={Link} to={`/people/${encodeURIComponent(email)}`}>
    {email}
  </Anchor>
);

function candidateColumns(canWrite: boolean): Columns<Candidate> {
  const columns: Columns<Candidate> = [
    candidate.accessor('primaryEmail', { header: 'Email', cell: (c) => personLink(c.getValue()) }),
    candidate.accessor('reason', { header: 'Reason' }),
    candidate.accessor('source', { header: 'Source' }),
    candidate.accessor('accounts', { header: 'Accounts', cell: (c) => formatNumber(c.getValue()) }),
    candidate.accessor('activeAccounts', {
      header: 'Active accounts',
      cell: (c) => formatNumber(c.getValue()),
    }),
  ];
  if (!canWrite) return columns;
  return [
    ...columns,
    candidate.display({
      id: 'start',
      header: 'Offboarding',
      cell: (c) => <StartOffboardingButton email={c.row.original.primaryEmail} size="compact-xs" />,
    }),
  ];
}

export function CandidatesList({ canWrite }: { canWrite: boolean }) {
  const query = useCandidates();
  return (
    <DataTable<Candidate>
      noun="Candidates"
      columns={candidateColumns(canWrite)}
      rows={query.data?.items}
      loading={query.isPending}
      error={query.error}
      rowKey={(c) => c.primaryEmail}
      sorting={{ mode: 'client' }}
      empty="Nobody has left without being offboarded."
    />
  );
}

const summaryColumns: Columns<Summary> = [
  summary.accessor('primaryEmail', {
    header: 'Email',
    cell: (c) => (
      <Anchor component={Link} to={offboardingPath(c.row.original.id)}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  summary.accessor((s) => s.startedAt, {
    id: 'started',
    header: 'Started',
    cell: (c) => formatDateTime(c.getValue()),
  }),
  summary.accessor((s) => countsText(s.counts), { id: 'tasks', header: 'Tasks' }),
];

const completedColumns: Columns<Summary> = [
  ...summaryColumns,
  summary.accessor((s) => s.completedAt ?? '', {
    id: 'completed',
    header: 'Completed',
    cell: (c) => formatDateTime(c.getValue() || null),
  }),
  summary.accessor((s) => completionText(s), { id: 'how', header: 'By / how' }),
];

export function OffboardingsList({ status }: { status: 'in_progress' | 'completed' }) {
  const query = useOffboardingList(status);
  const noun = status === 'completed' ? 'Completed offboardings' : 'Offboardings in progress';
  return (
    <DataTable<Summary>
      noun={noun}
      columns={status === 'completed' ? completedColumns : summaryColumns}
      rows={query.data?.items}
      loading={query.isPending}
      error={query.error}
      rowKey={(s) => String(s.id)}
      sorting={{ mode: 'client' }}
      empty={status === 'completed' ? 'No offboarding is completed yet.' : 'No offboarding is in progress.'}
    />
  );
}

const driftColumns: Columns<Drift> = [
  drift.accessor('primaryEmail', {
    header: 'Person',
    cell: (c) => (
      <Anchor component={Link} to={personOffboardingPath(c.getValue())}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  drift.accessor('app', { header: 'App' }),
  drift.accessor('instance', { header: 'Instance' }),
  drift.accessor('email', { header: 'Email' }),
  drift.accessor('source', { header: 'Source' }),
  drift.accessor('detectedAt', { header: 'Detected', cell: (c) => formatDateTime(c.getValue()) }),
];

export function DriftList() {
  const query = useDrift();
  return (
    <DataTable<Drift>
      noun="Accounts active again"
      columns={driftColumns}
      rows={query.data?.items}
      loading={query.isPending}
      error={query.error}
      rowKey={(d) => `${d.primaryEmail}|${d.app}|${d.instance}|${d.email}`}
      sorting={{ mode: 'client' }}
      empty="No account came back after its person was offboarded."
    />
  );
}
