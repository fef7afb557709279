import {
  Alert,
  Button,
  Group,
  JsonInput,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/query-state';
import { ActionList } from './action-list';
import { ConditionGroup, type FieldOption } from './condition-group';
import { errorsByPath, errorUnder } from './document-errors';
import { SchemaFields } from './schema-fields';
import { entityOfTrigger, parseDocument, type WorkflowDraft } from './workflow-draft';
import {
  actionTypesOf,
  initialSettings,
  type JsonSchema,
  modesOf,
  operatorsOf,
  triggerTypesOf,
} from './workflow-schema';

const modeLabels: Record<string, string> = {
  new_matches: 'New matches only (once per entity until it stops matching)',
  every_match: 'Every match, each time',
};

export interface WorkflowBuilderProps {
  draft: WorkflowDraft;
  onChange: (draft: WorkflowDraft) => void;
  schema: JsonSchema;
  fields: { items: FieldOption[]; readable: Record<string, string[]> };
  onSave: () => void;
  saving: boolean;
  saveError: unknown;
  canSave: boolean;
}

/** The builder: the document as a form beside its JSON, one document behind both. */
export function WorkflowBuilder(props: WorkflowBuilderProps) {
  const { draft, onChange, schema, fields, saveError } = props;
  const errors = errorsByPath(saveError);
  const triggers = triggerTypesOf(schema);
  const trigger = triggers.find((t) => t.type === draft.trigger.type);
  const { type: _type, ...triggerSettings } = draft.trigger;
  const entity = entityOfTrigger(draft.trigger);
  const readable = entity ? (fields.readable[entity] ?? []) : [];
  const fieldOptions = fields.items.filter((f) => readable.includes(f.name.slice(0, f.name.indexOf('.'))));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
          error={errors.name}
          maw={420}
        />
        <NativeSelect
          label="Run mode"
          data={modesOf(schema).map((m) => ({ value: m, label: modeLabels[m] ?? m }))}
          value={draft.mode}
          onChange={(e) => onChange({ ...draft, mode: e.currentTarget.value })}
          error={errors.mode}
          maw={420}
        />
        <Title order={3}>Trigger</Title>
        <NativeSelect
          label="Trigger type"
          data={triggers.map((t) => t.type)}
          value={draft.trigger.type}
          onChange={(e) => {
            const type = e.currentTarget.value;
            const settings = triggers.find((t) => t.type === type)?.settings;
            onChange({ ...draft, trigger: { type, ...(settings ? initialSettings(settings) : {}) } });
          }}
          error={errorUnder(errors, 'trigger.type')}
          maw={420}
        />
        {trigger && (
          <SchemaFields
            schema={trigger.settings}
            values={triggerSettings}
            onChange={(next) => onChange({ ...draft, trigger: { type: draft.trigger.type, ...next } })}
            path="trigger"
            errors={errors}
          />
        )}
        <Title order={3}>Conditions</Title>
        {!entity && draft.conditions && (
          <Text size="sm" c="dimmed">
            This trigger fires once with no entity; choose an entity to set conditions.
          </Text>
        )}
        {errors.conditions && (
          <Text c="red" size="sm">
            {errors.conditions}
          </Text>
        )}
        <ConditionGroup
          group={draft.conditions}
          onChange={(conditions) => onChange({ ...draft, conditions })}
          path="conditions"
          fields={fieldOptions}
          operators={operatorsOf(schema)}
          errors={errors}
          depth={0}
        />
        <Title order={3}>Actions</Title>
        <ActionList
          actions={draft.actions}
          onChange={(actions) => onChange({ ...draft, actions })}
          types={actionTypesOf(schema)}
          errors={errors}
        />
        {saveError ? <ErrorAlert error={saveError} title="The workflow was not saved" /> : null}
        {props.canSave ? (
          <Group>
            <Button onClick={props.onSave} loading={props.saving}>
              Save
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Only admins save workflows.
          </Text>
        )}
      </Stack>
      <DocumentJson draft={draft} onChange={onChange} />
    </SimpleGrid>
  );
}

/** The document as JSON: copy it out to export, paste one in and apply it to import. */
function DocumentJson({
  draft,
  onChange,
}: {
  draft: WorkflowDraft;
  onChange: (draft: WorkflowDraft) => void;
}) {
  const shown = JSON.stringify(draft, null, 2);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const edited = text !== shown;
  // The form changed the document (or JSON was applied): the text shows it again.
  useEffect(() => {
    setText(shown);
    setProblem(null);
  }, [shown]);
  const apply = () => {
    const parsed = parseDocument(text);
    if ('error' in parsed) setProblem(parsed.error);
    else {
      setProblem(null);
      onChange(parsed.draft);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3}>Document (JSON)</Title>
      <Text size="sm" c="dimmed">
        The same document as the form. Copy it to keep it in version control; paste one and apply it to
        import.
      </Text>
      <JsonInput
        aria-label="Workflow document JSON"
        autosize
        minRows={16}
        maxRows={40}
        value={text}
        onChange={setText}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      {problem && (
        <Alert color="red" role="alert" title="The JSON was not applied">
          {problem}
        </Alert>
      )}
      <Group>
        <Button variant="light" disabled={!edited} onClick={apply}>
          Apply JSON
        </Button>
        <Button variant="subtle" disabled={!edited} onClick={() => setText(shown)}>
          Discard JSON edits
        </Button>
      </Group>
    </Stack>
  );
}
