import { isFixed, type SettingSchema, shapeOf } from './settings-schema';

/** What the admin typed, by field name; nested objects nest, JSON fallbacks hold their text. */
export type SettingsState = Record<string, unknown>;

export interface Collected {
  value: Record<string, unknown>;
  /** Field path (`config.baseUrl`, the server's naming) → what is wrong with it. */
  problems: Record<string, string>;
}

/**
 * The settings to send for an object schema. Fields left empty are left out, so the server applies its own
 * defaults; a required field left empty, or JSON that does not parse, is reported on its field instead.
 */
export function collectSettings(schema: SettingSchema, state: SettingsState, path: string): Collected {
  const value: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  const required = new Set(schema.required ?? []);
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    if (isFixed(field)) continue;
    const at = `${path}.${key}`;
    const entered = state[key];
    let given: unknown;
    switch (shapeOf(field)) {
      case 'object': {
        const nested = collectSettings(field, (entered ?? {}) as SettingsState, at);
        Object.assign(problems, nested.problems);
        if (Object.keys(nested.value).length) given = nested.value;
        break;
      }
      case 'json':
        if (typeof entered === 'string' && entered.trim()) {
          try {
            given = JSON.parse(entered);
          } catch {
            problems[at] = 'is not valid JSON';
            continue;
          }
        }
        break;
      case 'list':
      case 'boolean':
        given = entered;
        break;
      case 'number':
        if (typeof entered === 'number') given = entered;
        break;
      default:
        if (typeof entered === 'string' && entered.trim())
          // Secrets and keys are sent as typed; the server trims what it trims.
          given = field.writeOnly || field.contentMediaType ? entered : entered.trim();
    }
    if (given !== undefined) value[key] = given;
    else if (required.has(key) && field.default === undefined) problems[at] = 'is required';
  }
  return { value, problems };
}

/** Where a section whose schema the form cannot draw keeps its JSON text. */
export const jsonTextKey = '';

/**
 * A whole section (`config` or `credentials`): the chosen alternative's fields, or the JSON typed for a
 * schema the form cannot draw.
 */
export function collectSection(schema: SettingSchema, state: SettingsState, path: string): Collected {
  if (shapeOf(schema) === 'object') return collectSettings(schema, state, path);
  const text = state[jsonTextKey];
  if (typeof text !== 'string' || !text.trim()) return { value: {}, problems: {} };
  try {
    return { value: JSON.parse(text) as Record<string, unknown>, problems: {} };
  } catch {
    return { value: {}, problems: { [path]: 'is not valid JSON' } };
  }
}

/** A saved setting as the form's state, so an edit form starts from what is stored. */
export function stateOfSettings(schema: SettingSchema, saved: unknown): SettingsState {
  const state: SettingsState = {};
  if (saved === null || typeof saved !== 'object') return state;
  const values = saved as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const value = values[key];
    if (value === undefined || value === null || isFixed(field)) continue;
    const shape = shapeOf(field);
    state[key] =
      shape === 'object'
        ? stateOfSettings(field, value)
        : shape === 'json'
          ? JSON.stringify(value, null, 2)
          : value;
  }
  return state;
}

/** Credentials to send from an edit form: a field left empty keeps its stored value, so none is required. */
export function collectChangedSecrets(schema: SettingSchema, state: SettingsState, path: string): Collected {
  const collected = collectSection(schema, state, path);
  const problems = Object.fromEntries(
    Object.entries(collected.problems).filter(([, message]) => message !== 'is required'),
  );
  return { value: collected.value, problems };
}
