// This file imports nothing, so Roster's own tests (built for Node, not by the console's bundler) read the
// server's published schema with it as it is.

/** The part of JSON Schema read here; a subset of `integrations/settings-schema.ts`'s, which draws the fields. */
export interface SettingSchema {
  type?: string;
  properties?: Record<string, SettingSchema>;
  required?: string[];
  anyOf?: SettingSchema[];
  oneOf?: SettingSchema[];
  items?: SettingSchema;
  enum?: unknown[];
  const?: unknown;
}

/**
 * How the console reads the workflow document's published JSON Schema (GET /api/workflows/schema):
 * the trigger and action types with their settings, and the condition operators. The builder draws its
 * pickers and forms from these, so an action Roster adds appears here without a console change.
 */
export type JsonSchema = SettingSchema & { $defs?: Record<string, JsonSchema>; $ref?: string };

/** One trigger or action type and the settings it takes (every property but `type`, and `id` for actions). */
export interface TypedSettings {
  type: string;
  settings: SettingSchema;
}

const typeOf = (variant: SettingSchema): string | null => {
  const type = variant.properties?.type?.const;
  return typeof type === 'string' ? type : null;
};

function variantsOf(schema: SettingSchema | undefined, omit: readonly string[]): TypedSettings[] {
  const variants = schema?.oneOf ?? schema?.anyOf ?? [];
  return variants.flatMap((variant) => {
    const type = typeOf(variant);
    if (!type) return [];
    const properties = Object.fromEntries(
      Object.entries(variant.properties ?? {}).filter(([name]) => !omit.includes(name)),
    );
    const required = (variant.required ?? []).filter((name) => !omit.includes(name));
    return [{ type, settings: { type: 'object', properties, required } }];
  });
}

export const triggerTypesOf = (schema: JsonSchema): TypedSettings[] =>
  variantsOf(schema.properties?.trigger, ['type']);

export const actionTypesOf = (schema: JsonSchema): TypedSettings[] =>
  variantsOf(schema.properties?.actions?.items, ['type', 'id']);

export const modesOf = (schema: JsonSchema): string[] =>
  (schema.properties?.mode?.enum as string[] | undefined) ?? [];

/** The operators a condition's `op` takes: found wherever the schema defines conditions (they nest, so in $defs). */
export function operatorsOf(schema: JsonSchema): string[] {
  const seen = new Set<unknown>();
  const visit = (node: unknown): string[] | null => {
    if (!node || typeof node !== 'object' || seen.has(node)) return null;
    seen.add(node);
    const op = (node as JsonSchema).properties?.op;
    if (Array.isArray(op?.enum)) return op.enum as string[];
    for (const child of Object.values(node)) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  return visit(schema) ?? [];
}

/**
 * The settings a new trigger or action starts with: each required choice set to its first option, so
 * what its select shows is what the document holds.
 */
export function initialSettings(settings: SettingSchema): Record<string, unknown> {
  return Object.fromEntries(
    (settings.required ?? []).flatMap((name) => {
      const options = settings.properties?.[name]?.enum;
      return Array.isArray(options) && options.length > 0 ? [[name, options[0]]] : [];
    }),
  );
}
