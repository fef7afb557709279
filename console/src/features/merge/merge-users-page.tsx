import { Alert, Button, Checkbox, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { countOf } from '../../api/format';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useSources } from '../integrations/use-sources';
import { useAliasFields } from './alias-fields';
import { MergeReportView } from './merge-report-view';

type Selection = Record<number, string[]>;

const selectionOf = (report: Schemas['MergeReport']): Selection =>
  Object.fromEntries(report.configuration.map((c) => [c.sourceId, c.fields]));

/**
 * Settings → Users & employees → Merge Users: choose alias sources, read the full changes report, then
 * enable. Editing and revoking show the same report before anything changes.
 */
export function MergeUsersPage() {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['merge', 'preview'],
    queryFn: () => unwrap(api.GET('/api/v1/merge/preview')),
  });
  const sources = useSources();
  const aliasFields = useAliasFields();
  const [step, setStep] = useState(0);
  const [editing, setEditing] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [emailReport, setEmailReport] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);

  const preview = useMutation({
    mutationFn: (chosen: Selection) =>
      unwrap(
        api.PUT('/api/v1/merge/configuration', {
          body: {
            sources: Object.entries(chosen)
              .filter(([, fields]) => fields.length)
              .map(([source, fields]) => ({ source: Number(source), fields })),
          },
        }),
      ),
    onSuccess: () => setStep(1),
  });
  const refresh = () => queryClient.invalidateQueries();
  const apply = useMutation({
    mutationFn: async () => {
      const applied = await unwrap(api.POST('/api/v1/merge/apply'));
      // The report goes out after enabling, so a mail problem never blocks the merge itself.
      const emailed = emailReport
        ? await unwrap(api.POST('/api/v1/merge/preview/email', { body: {} })).then(
            (r) => `The report was emailed to ${r.sentTo}.`,
            (e: Error) => `The report could not be emailed: ${e.message}`,
          )
        : null;
      return { ...applied, emailed };
    },
    onSuccess: () => {
      setStep(2);
      setEditing(false);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/merge/revoke')),
    onSuccess: () => {
      setConfirmRevoke(false);
      void refresh();
    },
  });

  if (!current.data || !sources.data || !aliasFields.data)
    return (
      <QueryState
        query={!current.data ? current : !sources.data ? sources : aliasFields}
        what="Merge Users"
      />
    );
  const fieldsOfKind = (kind: string) => aliasFields.data.items.filter((f) => f.kinds.includes(kind));
  const report = current.data;
  const chosen = selection ?? selectionOf(report);
  const identitySources = sources.data.items.filter((s) => !s.disconnectedAt && fieldsOfKind(s.kind).length);
  const toggle = (sourceId: number, field: string, on: boolean) => {
    const fields = new Set(chosen[sourceId] ?? []);
    if (on) fields.add(field);
    else fields.delete(field);
    setSelection({ ...chosen, [sourceId]: [...fields] });
  };
  const anyChosen = Object.values(chosen).some((f) => f.length);

  const header = (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        Settings · Users &amp; employees
      </Text>
      <Title order={1}>Merge Users</Title>
      <Text size="sm">
        One person often has several email addresses. Merge Users reads the aliases your identity provider and
        HR system list and shows one person per human. Merging changes no user, account or license: revoking
        restores the exact previous state.
      </Text>
    </Stack>
  );

  if (report.enabled && !editing)
    return (
      <Stack>
        {header}
        <Alert color="green" title="Merge Users is on" data-testid="merge-enabled">
          {countOf(report.merges.length, 'person has', 'people have')} merged emails, with{' '}
          {report.configuration.map((c) => `${c.source} (${c.fields.join(', ')})`).join('; ')}.
        </Alert>
        {apply.data && (
          <Alert color="blue">
            {apply.data.message} {apply.data.emailed}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setEditing(true);
              setStep(0);
            }}
          >
            Edit configuration
          </Button>
          <Button color="red" variant="outline" onClick={() => setConfirmRevoke(true)}>
            Revoke
          </Button>
        </Group>
        {confirmRevoke && (
          <Stack>
            <Alert color="orange" title="Revoking splits every merged person back into their emails">
              Users go from {report.usersAfter} back to {report.usersBefore}. Nothing else changes.
            </Alert>
            <MergeReportView report={report} />
            <Group>
              <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                Revoke Merge Users
              </Button>
              <Button variant="default" onClick={() => setConfirmRevoke(false)}>
                Keep it on
              </Button>
            </Group>
          </Stack>
        )}
        {revoke.error && <ErrorAlert error={revoke.error} title="Not revoked" />}
        {!confirmRevoke && <MergeReportView report={report} />}
      </Stack>
    );

  return (
    <Stack>
      {header}
      {revoke.data && <Alert color="blue">{revoke.data.message}</Alert>}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)}>
        <Stepper.Step label="Alias sources" description="Where aliases come from">
          <Stack mt="md">
            {identitySources.length === 0 ? (
              <Alert color="yellow">
                No connected source lists aliases. Connect Entra ID, Google Workspace, Okta or an HR system
                first.
              </Alert>
            ) : (
              identitySources.map((s) => (
                <Stack key={s.id} gap={4}>
                  <Text fw={600}>{s.name}</Text>
                  {fieldsOfKind(s.kind).map((f) => (
                    <Checkbox
                      key={f.field}
                      label={`${f.field}: ${f.description}`}
                      checked={(chosen[s.id] ?? []).includes(f.field)}
                      onChange={(e) => toggle(s.id, f.field, e.currentTarget.checked)}
                    />
                  ))}
                </Stack>
              ))
            )}
            <Button
              w="fit-content"
              onClick={() => preview.mutate(chosen)}
              disabled={!anyChosen}
              loading={preview.isPending}
            >
              Preview changes
            </Button>
            {preview.error && <ErrorAlert error={preview.error} title="No preview" />}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Changes report" description="Before anything changes">
          <Stack mt="md">
            {preview.data && <MergeReportView report={preview.data} />}
            <Checkbox
              label="Email me this report"
              checked={emailReport}
              onChange={(e) => setEmailReport(e.currentTarget.checked)}
            />
            <Group>
              <Button variant="default" onClick={() => setStep(0)}>
                Back
              </Button>
              <Button onClick={() => apply.mutate()} loading={apply.isPending}>
                {report.enabled ? 'Apply the new configuration' : 'Enable Merge Users'}
              </Button>
            </Group>
            {apply.error && <ErrorAlert error={apply.error} title="Merge Users was not enabled" />}
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Alert color="green" mt="md">
            {apply.data?.message}
          </Alert>
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
