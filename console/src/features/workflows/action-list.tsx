import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorUnder } from './document-errors';
import { SchemaFields } from './schema-fields';
import { move, type WorkflowAction } from './workflow-draft';
import { initialSettings, type TypedSettings } from './workflow-schema';

interface ActionListProps {
  actions: WorkflowAction[];
  onChange: (actions: WorkflowAction[]) => void;
  types: TypedSettings[];
  errors: Record<string, string>;
}

/** The ordered actions: each with its published settings; added, removed and moved up or down. */
export function ActionList({ actions, onChange, types, errors }: ActionListProps) {
  const [adding, setAdding] = useState(types[0]?.type ?? '');
  const replace = (index: number, action: WorkflowAction) =>
    onChange(actions.map((a, i) => (i === index ? action : a)));
  return (
    <Stack gap="xs">
      {errors.actions && (
        <Text c="red" size="sm">
          {errors.actions}
        </Text>
      )}
      {actions.map((action, i) => {
        const path = `actions[${i}]`;
        const type = types.find((t) => t.type === action.type);
        const { type: _type, id, ...settings } = action;
        const label = `Action ${i + 1}: ${action.type}`;
        return (
          // Actions are known by position until they are given an id.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Paper key={i} withBorder p="sm" role="group" aria-label={label}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4}>{label}</Title>
                <Group gap={4}>
                  <Button
                    size="xs"
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => onChange(move(actions, i, -1))}
                  >
                    Move up
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    disabled={i === actions.length - 1}
                    onClick={() => onChange(move(actions, i, 1))}
                  >
                    Move down
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(actions.filter((_, j) => j !== i))}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
              {errorUnder(errors, `${path}.type`) && (
                <Text c="red" size="sm">
                  {errorUnder(errors, `${path}.type`)}
                </Text>
              )}
              <TextInput
                label="Id"
                description={`Later actions read this action's output as {{actions.${id ?? `a${i + 1}`}.<field>}}`}
                placeholder={`a${i + 1}`}
                value={id ?? ''}
                onChange={(e) => {
                  const { id: _old, ...rest } = action;
                  const next = e.currentTarget.value.trim();
                  replace(i, next ? { ...rest, id: next } : rest);
                }}
                error={errorUnder(errors, `${path}.id`)}
                maw={240}
              />
              {type ? (
                <SchemaFields
                  schema={type.settings}
                  values={settings}
                  onChange={(next) => replace(i, { type: action.type, ...(id ? { id } : {}), ...next })}
                  path={path}
                  errors={errors}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  Roster does not know this action type; edit it in the JSON view.
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Group gap="xs" align="flex-end">
        <NativeSelect
          label="Action type"
          data={types.map((t) => t.type)}
          value={adding}
          onChange={(e) => setAdding(e.currentTarget.value)}
        />
        <Button
          variant="light"
          disabled={!adding}
          onClick={() => {
            const settings = types.find((t) => t.type === adding)?.settings;
            onChange([...actions, { type: adding, ...(settings ? initialSettings(settings) : {}) }]);
          }}
        >
          Add action
        </Button>
      </Group>
    </Stack>
  );
}
