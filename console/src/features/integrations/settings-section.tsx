import { Input, JsonInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { SettingsFields } from './settings-fields';
import { alternativesOf, type SettingSchema, shapeOf } from './settings-schema';
import { jsonTextKey, type SettingsState } from './settings-values';

export interface SettingsSectionProps {
  /** What the section holds, e.g. "Credentials". */
  title: string;
  schema: SettingSchema;
  path: string;
  /** The alternative chosen, for settings that take several forms. */
  choice?: number;
  onChoice?: (choice: number) => void;
  state: SettingsState;
  onChange: (state: SettingsState) => void;
  errors: Record<string, string>;
}

/**
 * A section of a source's settings: a choice between the forms it may take (titled alternatives, such as
 * Okta's API token or OAuth service app), then the chosen form's fields; JSON for a schema the form cannot
 * draw.
 */
export function SettingsSection({
  title,
  schema,
  path,
  choice = 0,
  onChoice,
  state,
  onChange,
  errors,
}: SettingsSectionProps) {
  const labelId = useId();
  const alternatives = alternativesOf(schema);
  const chosen = alternatives[choice] ?? alternatives[0]!;
  return (
    <Stack gap="sm">
      {alternatives.length > 1 && (
        <Input.Wrapper labelElement="div" label={<span id={labelId}>{title}</span>}>
          <SegmentedControl
            aria-labelledby={labelId}
            data={alternatives.map((a, i) => ({ value: String(i), label: a.title ?? `Option ${i + 1}` }))}
            value={String(alternatives.indexOf(chosen))}
            onChange={(value) => onChoice?.(Number(value))}
          />
        </Input.Wrapper>
      )}
      {alternatives.length > 1 && chosen.description && (
        <Text size="sm" c="dimmed">
          {chosen.description}
        </Text>
      )}
      {shapeOf(chosen) === 'object' ? (
        <SettingsFields schema={chosen} path={path} state={state} onChange={onChange} errors={errors} />
      ) : (
        <JsonInput
          label={`${title} (JSON)`}
          description={schema.description}
          autosize
          minRows={3}
          value={typeof state[jsonTextKey] === 'string' ? (state[jsonTextKey] as string) : ''}
          onChange={(text) => onChange({ [jsonTextKey]: text })}
          error={errors[path]}
        />
      )}
    </Stack>
  );
}
