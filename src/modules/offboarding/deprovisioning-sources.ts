import type { Kysely } from 'kysely';
import type { SourceKind } from '../../connectors/kit/connector.js';
import type { Deprovisioner } from '../../connectors/kit/deprovision.js';
import { findSourceKind } from '../../connectors/registry.js';
import type { DB } from '../../db/schema.js';

/** A connected source whose kind can deprovision accounts, with its parsed configuration. */
export interface DeprovisioningSource {
  id: number;
  name: string;
  kind: SourceKind<unknown, unknown>;
  config: unknown;
  deprovisioner: Deprovisioner<unknown, unknown>;
}

export type FindKind = (kind: string) => SourceKind<unknown, unknown> | undefined;

/**
 * The connected sources that can deprovision; a source whose stored configuration no longer parses is left
 * out (its sync says why), so offboarding falls back to another method instead of failing later.
 */
export async function deprovisioningSources(
  db: Kysely<DB>,
  findKind: FindKind = findSourceKind,
): Promise<DeprovisioningSource[]> {
  const rows = await db
    .selectFrom('sources')
    .select(['id', 'name', 'kind', 'config'])
    .where('disconnected_at', 'is', null)
    .orderBy('id')
    .execute();
  const found: DeprovisioningSource[] = [];
  for (const row of rows) {
    const kind = findKind(row.kind);
    if (!kind?.deprovisioner || !kind.capabilities.deprovisioning) continue;
    const config = kind.configSchema.safeParse(row.config);
    if (!config.success) continue;
    found.push({ id: row.id, name: row.name, kind, config: config.data, deprovisioner: kind.deprovisioner });
  }
  return found;
}

/**
 * The source that deprovisions one account: the direct source of its instance when it can, else a source
 * that saw the account (an identity provider that assigns the app), else none. `preferred` (a method's
 * `source` setting) wins when it can act on the app.
 */
export function deprovisionerFor(
  sources: DeprovisioningSource[],
  account: { app: string; instanceSourceId: number | null; observedBy: number[] },
  preferred?: string,
): DeprovisioningSource | undefined {
  const able = sources.filter((s) => s.deprovisioner.handles(s.config, account.app));
  if (preferred) return able.find((s) => s.name === preferred);
  return (
    able.find((s) => s.id === account.instanceSourceId) ?? able.find((s) => account.observedBy.includes(s.id))
  );
}
