import { z } from 'zod';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { SourceRecordInput } from '../kit/records.js';

/** What Roster folds in from the extension's aggregates: per app and email, the last real use. */
export interface BrowserActivitySnapshot {
  accounts: { app: string; email: string; lastUsedAt: string | null }[];
}

const pageSize = 5000;

/**
 * The browser extension as a source: a usage source for every app it sees and a partial discovery source
 * (it sees only the people who browse to an app with the extension). Roster feeds it from what the
 * extension reported (`modules/extension/fold-activity.ts`); it is never synced from a provider.
 */
export const browserExtensionSourceKind = defineSourceKind({
  kind: 'browser-extension',
  title: 'Browser extension',
  description:
    'Apps people use in their browser, with their last use, reported by the Roster browser extension (only the organisation’s addresses, only known app domains).',
  capabilities: capabilities(['users', 'lastUsed']),
  mode: 'push',
  coverage: 'partial',
  configSchema: z.strictObject({}),
  async *fetch({ input }) {
    const snapshot = input as BrowserActivitySnapshot | undefined;
    if (!snapshot || !Array.isArray(snapshot.accounts))
      throw new ConnectorError('invalid_data', 'The browser extension is fed by its reports, not synced');
    const apps = [...new Set(snapshot.accounts.map((a) => a.app))];
    const total = apps.length + snapshot.accounts.length;
    yield {
      records: apps.map((name): SourceRecordInput => ({ type: 'app', name, domain: null })),
      progress: { done: apps.length, total },
    };
    for (let at = 0; at < snapshot.accounts.length; at += pageSize) {
      const records = snapshot.accounts.slice(at, at + pageSize).map(
        (a): SourceRecordInput => ({
          type: 'account',
          app: a.app,
          email: a.email,
          status: 'active',
          lastUsedAt: a.lastUsedAt,
        }),
      );
      yield { records, progress: { done: apps.length + at + records.length, total } };
    }
  },
});
