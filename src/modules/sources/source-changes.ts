import { isDeepStrictEqual } from 'node:util';

/** A source's editable settings, as stored and as asked for (undefined: not asked to change). */
export interface SourceSettings {
  name: string;
  config: unknown;
  schedule: string | null;
  credentials: Record<string, unknown>;
}

export interface SourceChanges {
  /** Every changed field by path: `name`, `config.tenantId`, `credentials.clientSecret`. */
  fields: string[];
  credentialsChanged: boolean;
  /** For the audit log: the old and new values of plain fields; credentials only as "changed" or "removed". */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

// Stored JSON comes back from jsonb with its keys reordered: compare values, not texts.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/**
 * What an edit changes. Credential values never appear in the result: a changed secret is recorded as
 * "changed", one dropped (when another alternative replaced it) as "removed".
 */
export function sourceChanges(stored: SourceSettings, asked: Partial<SourceSettings>): SourceChanges {
  const fields: string[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of ['name', 'schedule'] as const) {
    if (asked[key] === undefined || same(asked[key], stored[key])) continue;
    fields.push(key);
    before[key] = stored[key];
    after[key] = asked[key];
  }
  if (asked.config !== undefined) {
    const old = asObject(stored.config);
    const next = asObject(asked.config);
    const configBefore: Record<string, unknown> = {};
    const configAfter: Record<string, unknown> = {};
    for (const key of union(old, next)) {
      if (same(old[key], next[key])) continue;
      fields.push(`config.${key}`);
      configBefore[key] = old[key] ?? null;
      configAfter[key] = next[key] ?? null;
    }
    if (Object.keys(configAfter).length > 0) {
      before.config = configBefore;
      after.config = configAfter;
    }
  }
  let credentialsChanged = false;
  if (asked.credentials !== undefined) {
    const marks: Record<string, 'changed' | 'removed'> = {};
    for (const key of union(stored.credentials, asked.credentials)) {
      if (same(stored.credentials[key], asked.credentials[key])) continue;
      fields.push(`credentials.${key}`);
      marks[key] = key in asked.credentials ? 'changed' : 'removed';
    }
    if (Object.keys(marks).length > 0) {
      credentialsChanged = true;
      after.credentials = marks;
    }
  }
  if (fields.length > 0) after.changed = fields;
  return { fields, credentialsChanged, before, after };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
