import { Accordion, Fieldset, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { SettingField } from './setting-field';
import { isAdvanced, isFixed, labelOf, type SettingSchema, shapeOf } from './settings-schema';
import type { SettingsState } from './settings-values';

export interface SettingsFieldsProps {
  schema: SettingSchema;
  /** Where these settings sit in the request (`config`, `credentials`), as the server names fields. */
  path: string;
  state: SettingsState;
  onChange: (state: SettingsState) => void;
  errors: Record<string, string>;
  /** Inside a fieldset: no "Advanced" section of its own. */
  nested?: boolean;
}

/**
 * The fields of an object setting, drawn from its published schema: what an admin must decide first,
 * nested objects as fieldsets, and tuning under a collapsed "Advanced settings" section, opened when one
 * of its fields has an error.
 */
export function SettingsFields({
  schema,
  path,
  state,
  onChange,
  errors,
  nested = false,
}: SettingsFieldsProps) {
  const [opened, setOpened] = useState<string | null>(null);
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).filter(([, field]) => !isFixed(field));
  const set = (key: string, value: unknown) => onChange({ ...state, [key]: value });

  const draw = ([key, field]: [string, SettingSchema]) =>
    shapeOf(field) === 'object' ? (
      <Fieldset key={key} legend={labelOf(key, field)}>
        <Stack gap="sm">
          {field.description && (
            <Text size="sm" c="dimmed">
              {field.description}
            </Text>
          )}
          <SettingsFields
            schema={field}
            path={`${path}.${key}`}
            state={(state[key] ?? {}) as SettingsState}
            onChange={(value) => set(key, value)}
            errors={errors}
            nested
          />
        </Stack>
      </Fieldset>
    ) : (
      <SettingField
        key={key}
        name={key}
        schema={field}
        value={state[key]}
        onChange={(value) => set(key, value)}
        required={required.has(key)}
        error={errors[`${path}.${key}`]}
      />
    );

  const advanced = nested ? [] : entries.filter(([, field]) => isAdvanced(field));
  const basic = entries.filter((entry) => !advanced.includes(entry));
  const advancedHasError = advanced.some(([key]) =>
    Object.keys(errors).some((at) => at === `${path}.${key}` || at.startsWith(`${path}.${key}.`)),
  );
  return (
    <Stack gap="sm">
      {basic.map(draw)}
      {advanced.length > 0 && (
        <Accordion variant="contained" value={advancedHasError ? 'advanced' : opened} onChange={setOpened}>
          <Accordion.Item value="advanced">
            <Accordion.Control>Advanced settings</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">{advanced.map(draw)}</Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}
