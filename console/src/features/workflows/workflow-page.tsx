import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { EnabledSwitch, useCanManageWorkflows } from './enabled-switch';
import {
  useConditionFields,
  useSaveWorkflow,
  useWorkflowDocument,
  useWorkflowSchema,
  workflowPath,
} from './use-workflows';
import { WorkflowBuilder } from './workflow-builder';
import { emptyDraft, type WorkflowDraft } from './workflow-draft';
import { WorkflowRuns } from './workflow-runs';
import { WorkflowTestPreview } from './workflow-test-preview';

/** One workflow (or a new one, at /workflows/new): its builder, its test preview and its run log. */
export function WorkflowPage() {
  // Undefined at /workflows/new.
  const { name: existing } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'builder';
  const schema = useWorkflowSchema();
  const fields = useConditionFields();
  const saved = useWorkflowDocument(existing);
  const save = useSaveWorkflow(existing);
  const canManage = useCanManageWorkflows();
  const [draft, setDraft] = useState<WorkflowDraft | null>(existing ? null : emptyDraft());

  // The saved document fills the form once it arrives (and again after a save).
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);

  const onSave = () => {
    if (!draft) return;
    save.mutate(draft, {
      onSuccess: (result) => {
        const document = result.document as unknown as WorkflowDraft;
        setDraft(document);
        if (document.name !== existing) navigate(workflowPath(document.name), { replace: true });
      },
    });
  };

  const loading = [schema, fields, ...(existing ? [saved] : [])].find((q) => q.isPending || q.isError);
  return (
    <Stack>
      <Anchor component={Link} to="/workflows" size="sm">
        ← Workflows
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{existing ?? 'New workflow'}</Title>
        {existing && draft && (
          <EnabledSwitch
            name={existing}
            enabled={draft.enabled === true}
            onChanged={(enabled) => setDraft((d) => (d ? { ...d, enabled } : d))}
          />
        )}
      </Group>
      {loading ? (
        <QueryState query={loading} what="the workflow" />
      ) : !draft || !schema.data || !fields.data ? null : existing ? (
        <Tabs
          value={tab}
          onChange={(value) =>
            setParams(value && value !== 'builder' ? { tab: value } : {}, { replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="builder">Builder</Tabs.Tab>
            <Tabs.Tab value="test">Test</Tabs.Tab>
            <Tabs.Tab value="runs">Run log</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="builder" pt="md">
            <WorkflowBuilder
              draft={draft}
              onChange={setDraft}
              schema={schema.data}
              fields={fields.data}
              onSave={onSave}
              saving={save.isPending}
              saveError={save.error}
              canSave={canManage}
            />
          </Tabs.Panel>
          <Tabs.Panel value="test" pt="md">
            <WorkflowTestPreview name={existing} />
          </Tabs.Panel>
          <Tabs.Panel value="runs" pt="md">
            <WorkflowRuns name={existing} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Save the workflow to test it and turn it on. A new workflow is saved disabled unless its document
            says otherwise.
          </Text>
          <WorkflowBuilder
            draft={draft}
            onChange={setDraft}
            schema={schema.data}
            fields={fields.data}
            onSave={onSave}
            saving={save.isPending}
            saveError={save.error}
            canSave={canManage}
          />
        </>
      )}
    </Stack>
  );
}
