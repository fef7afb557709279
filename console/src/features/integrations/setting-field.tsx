import {
  Checkbox,
  JsonInput,
  NativeSelect,
  NumberInput,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useContext } from 'react';
import { KeepStoredSecrets, keepSecretHint } from './keep-secrets';
import { labelOf, placeholderOf, type SettingSchema, shapeOf } from './settings-schema';

export interface SettingFieldProps {
  name: string;
  schema: SettingSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  required: boolean;
  error?: string | undefined;
}

/** One setting drawn from its published schema: the input its type calls for, labelled and described. */
export function SettingField({ name, schema, value, onChange, required, error }: SettingFieldProps) {
  const keepSecret = useContext(KeepStoredSecrets) && schema.writeOnly === true;
  const common = {
    label: labelOf(name, schema),
    description: schema.description,
    required: required && !keepSecret,
    error,
  };
  const text = typeof value === 'string' ? value : '';
  switch (shapeOf(schema)) {
    case 'secret':
      return (
        <TextInput
          {...common}
          type="password"
          autoComplete="new-password"
          placeholder={keepSecret ? keepSecretHint : undefined}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'multiline':
      return (
        <Textarea
          {...common}
          autosize
          minRows={4}
          maxRows={12}
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'monospace' } }}
          placeholder={keepSecret ? keepSecretHint : undefined}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          min={schema.minimum}
          max={schema.maximum}
          allowDecimal={schema.type !== 'integer'}
          placeholder={placeholderOf(schema)}
          value={typeof value === 'number' ? value : ''}
          onChange={onChange}
          maw={360}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={common.label}
          description={common.description}
          error={error}
          // Unset shows what the server does by default.
          checked={typeof value === 'boolean' ? value : schema.default === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'enum': {
      const options = (schema.enum as string[]).map((v) => ({ value: v, label: v }));
      const fallback = typeof schema.default === 'string' ? schema.default : '';
      return (
        <NativeSelect
          {...common}
          data={fallback || required ? options : [{ value: '', label: '—' }, ...options]}
          value={typeof value === 'string' ? value : fallback}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          maw={360}
        />
      );
    }
    case 'list':
      return (
        <TagsInput
          {...common}
          placeholder="Type a value and press Enter"
          // Unset shows the default list, so removing one of its values is a visible choice.
          value={
            Array.isArray(value) ? (value as string[]) : ((schema.default as string[] | undefined) ?? [])
          }
          onChange={onChange}
          splitChars={[',', ' ']}
          clearable
        />
      );
    case 'json':
      return (
        <JsonInput
          {...common}
          description={`${schema.description ?? ''} (JSON)`.trim()}
          autosize
          minRows={2}
          value={text}
          onChange={onChange}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={schema.format === 'uri' ? 'url' : schema.format === 'email' ? 'email' : 'text'}
          autoComplete="off"
          placeholder={placeholderOf(schema)}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
