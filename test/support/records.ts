import type { SourceKind } from '../../src/connectors/kit/connector.js';
import type { SourceRecordInput } from '../../src/connectors/kit/records.js';
import type { Roster } from '../../src/roster.js';
import { runSync } from '../../src/sync/engine.js';
import { findKindWithScripted, type ScriptedPage } from './fake-kinds.js';

/** An account record for tests: active, in `app`, with whatever else the test says. */
export const account = (
  email: string,
  app: string,
  extra: Partial<SourceRecordInput & { type: 'account' }> = {},
): SourceRecordInput => ({
  type: 'account',
  app,
  email,
  status: 'active',
  ...extra,
});

const day = 86_400_000;
/** An ISO date `days` days before now. */
export const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

/** Runs one sync of a source whose kind yields the given records as one page, through the real engine. */
export function syncRecords(
  roster: Roster,
  sourceId: number,
  records: SourceRecordInput[],
  findKind: (kind: string) => SourceKind<unknown, unknown> | undefined = findKindWithScripted,
) {
  return runSync({ database: roster.database, secrets: roster.secrets, findKind }, sourceId, {
    trigger: 'test',
    input: [{ records }] satisfies ScriptedPage[],
  });
}
