import type { SourceKind } from '../../connectors/kit/connector.js';
import { invalidInput } from '../../lib/errors.js';

/** A source's config checked against its kind's schema; a problem names its field (`config.tenantId`). */
export function parseSourceConfig(
  kind: SourceKind<unknown, unknown>,
  value: unknown,
): Record<string, unknown> {
  const config = kind.configSchema.safeParse(value ?? {});
  if (!config.success) {
    throw invalidInput(
      `The configuration does not fit a ${kind.kind} source`,
      config.error.issues.map((i) => ({ field: ['config', ...i.path].join('.'), message: i.message })),
    );
  }
  return config.data as Record<string, unknown>;
}

/**
 * A source's credentials checked against its kind's schema, as the JSON that gets sealed. Problems name
 * the field (`credentials.clientSecret`); the value itself is never echoed back.
 */
export function parseSourceCredentials(kind: SourceKind<unknown, unknown>, value: unknown): string {
  if (!kind.credentialsSchema) {
    throw invalidInput(`A ${kind.kind} source takes no credentials`, [
      { field: 'credentials', message: 'is not accepted' },
    ]);
  }
  const parsed = kind.credentialsSchema.safeParse(value);
  if (!parsed.success) {
    throw invalidInput(
      `The credentials do not fit a ${kind.kind} source`,
      parsed.error.issues.map((i) => ({ field: ['credentials', ...i.path].join('.'), message: i.message })),
    );
  }
  return JSON.stringify(parsed.data);
}

/** A source name as people type it: trimmed, 1-200 characters. */
export function parseSourceName(value: string): string {
  const name = value.trim();
  if (!name || name.length > 200)
    throw invalidInput('A source needs a name of 1-200 characters', [
      { field: 'name', message: 'is required' },
    ]);
  return name;
}
