import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type JsonSchema, publishedSettings } from './kit/settings-schema.js';
import { sourceKinds } from './registry.js';

// The published schemas are what the console builds its forms from: they must be real JSON Schema,
// explain every field to an admin, mask secrets, and accept exactly what the server's zod schemas accept.

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its plugin is the default export's `default`.
ajvFormats.default(ajv);

const alternativesOf = (schema: JsonSchema): JsonSchema[] =>
  (schema.anyOf ?? schema.oneOf ?? [schema]) as JsonSchema[];
const propertiesOf = (schema: JsonSchema) => (schema.properties ?? {}) as Record<string, JsonSchema>;
const requiredOf = (schema: JsonSchema) => (schema.required ?? []) as string[];

/** A value the schema describes: its example, else its default, else the simplest value of its type. */
function sampleOf(schema: JsonSchema): unknown {
  if (Array.isArray(schema.examples)) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uri') return 'https://provider.example.com';
      if (schema.format === 'email') return 'admin@example.com';
      return 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return requiredOnly(schema);
    default:
      throw new Error(`no sample for ${JSON.stringify(schema)}`);
  }
}

/** An object holding only the fields the schema says are required. */
const requiredOnly = (schema: JsonSchema): Record<string, unknown> =>
  Object.fromEntries(requiredOf(schema).map((key) => [key, sampleOf(propertiesOf(schema)[key]!)]));

/** An object holding every field the schema describes. */
const everyField = (schema: JsonSchema): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(propertiesOf(schema)).map(([key, field]) => [
      key,
      field.type === 'object' ? everyField(field) : sampleOf(field),
    ]),
  );

/** Every field of an object schema, nested objects included, with its dotted path. */
function fieldsOf(schema: JsonSchema, prefix = ''): [string, JsonSchema][] {
  return Object.entries(propertiesOf(schema)).flatMap(([key, field]) => [
    [`${prefix}${key}`, field] as [string, JsonSchema],
    ...(field.type === 'object' ? fieldsOf(field, `${prefix}${key}.`) : []),
  ]);
}

/** Kinds an admin configures with nothing: Roster feeds the browser extension's source from its reports. */
const settingless = ['browser-extension'];

/** Names of fields that hold a secret (a token's URL or a key's ID does not). */
const looksSecret = (name: string) => /secret|token|key|password/i.test(name) && !/(id|url)$/i.test(name);

describe.each(sourceKinds.map((k) => [k.kind, k] as const))('the published settings of %s', (_name, kind) => {
  const published = publishedSettings(kind);
  const schemas = [
    ['config', published.configSchema, kind.configSchema],
    ...(kind.credentialsSchema && published.credentialsSchema
      ? [['credentials', published.credentialsSchema, kind.credentialsSchema] as const]
      : []),
  ] as const;

  it('are valid JSON Schema documents of objects', () => {
    expect(published.credentialsSchema === null).toBe(kind.credentialsSchema === undefined);
    for (const [what, schema] of schemas) {
      expect(ajv.validateSchema(schema), `${what}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      expect(() => ajv.compile(schema), what).not.toThrow();
      for (const alternative of alternativesOf(schema)) expect(alternative.type, what).toBe('object');
    }
  });

  it('give every field a title and a description, and every alternative a title', () => {
    for (const [what, schema] of schemas) {
      const alternatives = alternativesOf(schema);
      for (const alternative of alternatives) {
        if (alternatives.length > 1) expect(alternative.title, `${what} alternative`).toBeTruthy();
        const fields = fieldsOf(alternative);
        if (settingless.includes(kind.kind)) expect(fields, what).toEqual([]);
        else expect(fields.length, what).toBeGreaterThan(0);
        for (const [path, field] of fields) {
          expect(typeof field.title === 'string' && field.title.trim(), `${what}.${path} title`).toBeTruthy();
          expect(
            typeof field.description === 'string' && field.description.trim(),
            `${what}.${path} description`,
          ).toBeTruthy();
        }
      }
    }
  });

  it('accept what the server accepts: the required fields alone, and every field', () => {
    for (const [what, schema, zodSchema] of schemas) {
      const validate = ajv.compile(schema);
      for (const alternative of alternativesOf(schema)) {
        for (const value of [requiredOnly(alternative), everyField(alternative)]) {
          expect(
            validate(value),
            `${what} ${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`,
          ).toBe(true);
          const parsed = zodSchema.safeParse(value);
          expect(parsed.success, `${what} ${JSON.stringify(value)}: ${parsed.error?.message}`).toBe(true);
        }
      }
    }
  });

  it('require what the server requires', () => {
    for (const [what, schema, zodSchema] of schemas) {
      for (const alternative of alternativesOf(schema)) {
        for (const key of requiredOf(alternative)) {
          const { [key]: _left, ...without } = requiredOnly(alternative);
          expect(zodSchema.safeParse(without).success, `${what} without ${key}`).toBe(false);
        }
      }
    }
  });

  it('mark every secret credential as writeOnly, so forms mask it', () => {
    if (!published.credentialsSchema) return;
    for (const alternative of alternativesOf(published.credentialsSchema)) {
      const fields = fieldsOf(alternative);
      expect(
        fields.some(([, f]) => f.writeOnly === true),
        String(alternative.title),
      ).toBe(true);
      for (const [path, field] of fields)
        if (looksSecret(path)) expect(field.writeOnly, `credentials.${path}`).toBe(true);
    }
  });

  it('keep secrets out of the config, which the API returns', () => {
    for (const [path, field] of fieldsOf(published.configSchema))
      expect(looksSecret(path) || field.writeOnly === true, `config.${path} looks like a secret`).toBe(false);
  });
});
