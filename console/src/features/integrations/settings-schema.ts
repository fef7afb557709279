/**
 * The part of JSON Schema the source kinds publish for their settings (GET /api/source-kinds), and how the
 * console reads it: which input draws a field, which fields are required, advanced or secret.
 */
export interface SettingSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, SettingSchema>;
  required?: string[];
  anyOf?: SettingSchema[];
  oneOf?: SettingSchema[];
  items?: SettingSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
  /** A secret: masked while typed, never shown again once saved. */
  writeOnly?: boolean;
  deprecated?: boolean;
  /** `application/x-pem-file` (a private key) or JSON text: a multi-line box. */
  contentMediaType?: string;
  /** Tuning rather than configuration: drawn under "Advanced". */
  'x-advanced'?: boolean;
}

/** How a field is drawn; `json` is the fallback for shapes the form cannot draw. */
export type FieldShape =
  | 'text'
  | 'secret'
  | 'multiline'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'list'
  | 'object'
  | 'json';

const multilineTypes = new Set(['application/x-pem-file', 'application/json']);

export function shapeOf(schema: SettingSchema): FieldShape {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return 'enum';
  switch (schema.type) {
    case 'string':
      if (schema.contentMediaType && multilineTypes.has(schema.contentMediaType)) return 'multiline';
      return schema.writeOnly ? 'secret' : 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return schema.items?.type === 'string' && !schema.items.enum ? 'list' : 'json';
    case 'object':
      return schema.properties && Object.keys(schema.properties).length > 0 ? 'object' : 'json';
    default:
      return 'json';
  }
}

/** Fields that are fixed (a constant such as a key file's `type`) need no input. */
export const isFixed = (schema: SettingSchema) => 'const' in schema;

export const isAdvanced = (schema: SettingSchema) => schema['x-advanced'] === true;

/**
 * The forms a setting may take (Okta: an API token, an access token or a service app). Alternatives
 * published as deprecated (another name for the same secret) are not offered.
 */
export function alternativesOf(schema: SettingSchema): SettingSchema[] {
  const listed = schema.anyOf ?? schema.oneOf;
  if (!listed) return [schema];
  const offered = listed.filter((a) => !a.deprecated);
  return offered.length ? offered : listed;
}

/** The field's label: its published title, else its name. */
export const labelOf = (name: string, schema: SettingSchema) => schema.title ?? name;

/** A hint in an empty field: the default the server applies, else an example. */
export function placeholderOf(schema: SettingSchema): string | undefined {
  const hint = schema.default ?? schema.examples?.[0];
  if (hint === undefined || hint === null || typeof hint === 'object') return undefined;
  return schema.default !== undefined ? `Default: ${String(hint)}` : `e.g. ${String(hint)}`;
}

/** The paths of every field an object schema draws (`config.http.timeoutMs`), as the server names them. */
export function fieldPathsOf(schema: SettingSchema, path: string): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, field]) => !isFixed(field))
    .flatMap(([key, field]) => [
      `${path}.${key}`,
      ...(shapeOf(field) === 'object' ? fieldPathsOf(field, `${path}.${key}`) : []),
    ]);
}
