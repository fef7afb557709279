import { z } from 'zod';

/** A JSON Schema document, as published to the console and API clients. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of what an admin types for a kind's settings, generated from the zod schema the server
 * validates with, so the published form cannot drift from the real rules. `io: 'input'` describes what is
 * accepted (defaults make a field optional; transforms apply after). Checks JSON Schema cannot express
 * (refinements) are left to the server, whose 400 names the field.
 */
export function publishedSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Marks a field whose value is a secret: forms mask it, and it is never shown again once saved. */
export const secretField = { writeOnly: true } as const;

/** Marks a field that tunes rather than configures; forms show it under "Advanced". */
export const advancedField = { 'x-advanced': true } as const;

/**
 * The app a source feeds, by name: one rule for every kind that feeds a single app (the name an admin
 * types or the catalog knows), with the kind's own help text.
 */
export const appSetting = (description: string, example: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ title: 'App', description, examples: [example] });

/** A PEM (or JWK) private key: forms give it a multi-line box. */
export const privateKeyField = { contentMediaType: 'application/x-pem-file' } as const;

export interface PublishedSettings {
  configSchema: JsonSchema;
  /** Null for kinds that take no credentials. */
  credentialsSchema: JsonSchema | null;
}

const published = new WeakMap<object, PublishedSettings>();

/** A kind's settings as JSON Schemas, generated once per kind (the schemas never change while running). */
export function publishedSettings(kind: {
  configSchema: z.ZodType;
  credentialsSchema?: z.ZodType | undefined;
}): PublishedSettings {
  let settings = published.get(kind);
  if (!settings) {
    settings = {
      configSchema: publishedSchema(kind.configSchema),
      credentialsSchema: kind.credentialsSchema ? publishedSchema(kind.credentialsSchema) : null,
    };
    published.set(kind, settings);
  }
  return settings;
}
