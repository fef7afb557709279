import { Stack } from '@mantine/core';
import { SettingField } from '../integrations/setting-field';
import { isFixed, type SettingSchema, shapeOf } from '../integrations/settings-schema';
import { errorUnder } from './document-errors';

export interface SchemaFieldsProps {
  /** An object schema: each property is one field. */
  schema: SettingSchema;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** The document path of these values (`actions[1]`, `trigger`), to place the API's errors. */
  path: string;
  errors: Record<string, string>;
}

/**
 * The settings of a trigger or an action, drawn from the published schema. A setting the form cannot draw
 * as one input (a schedule, an object) is edited as JSON in place; the document keeps it as a value.
 */
export function SchemaFields({ schema, values, onChange, path, errors }: SchemaFieldsProps) {
  const entries = Object.entries(schema.properties ?? {}).filter(([, field]) => !isFixed(field));
  if (entries.length === 0) return null;
  const set = (name: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined || value === '') delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {entries.map(([name, field]) => {
        const asJson = ['json', 'object'].includes(shapeOf(field));
        const value = values[name];
        return (
          <SettingField
            key={name}
            name={name}
            schema={asJson ? { ...field, type: undefined } : field}
            value={asJson ? jsonText(value) : value}
            onChange={(next) => set(name, asJson ? parseOrText(next) : next)}
            required={schema.required?.includes(name) ?? false}
            error={errorUnder(errors, `${path}.${name}`)}
          />
        );
      })}
    </Stack>
  );
}

const jsonText = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);

/** Typed JSON becomes its value once it parses; until then the text is kept (and the save names it). */
function parseOrText(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
