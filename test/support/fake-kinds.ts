import { z } from 'zod';
import { capabilities } from '../../src/connectors/kit/capabilities.js';
import { defineSourceKind, type Page, type SourceKind } from '../../src/connectors/kit/connector.js';
import type { ConnectorError } from '../../src/connectors/kit/connector-error.js';
import { findSourceKind } from '../../src/connectors/registry.js';

/**
 * A scripted source kind for engine tests: its input is a list of pages; a page may instead be an
 * error to throw, modelling a provider failing halfway through a sync.
 */
export type ScriptedPage = Page | { fail: ConnectorError };

export const scriptedKind = defineSourceKind<{ name?: string }>({
  kind: 'scripted',
  title: 'Scripted (tests)',
  description: 'Yields the pages it is given.',
  capabilities: capabilities(['users', 'licenseTypes', 'lastUsed', 'employees']),
  mode: 'push',
  configSchema: z.object({ name: z.string().optional() }),
  async *fetch({ input, signal }) {
    for (const page of input as ScriptedPage[]) {
      if (signal.aborted) return;
      if ('fail' in page) throw page.fail;
      yield page;
      await new Promise((r) => setImmediate(r));
    }
  },
}) as SourceKind<unknown, unknown>;

export const findKindWithScripted = (kind: string) =>
  kind === 'scripted' ? scriptedKind : findSourceKind(kind);

/** A scripted identity provider: it sees apps' users through SSO assignments only (partial coverage). */
export const scriptedSsoKind: SourceKind<unknown, unknown> = {
  ...scriptedKind,
  kind: 'scripted-sso',
  title: 'Scripted SSO (tests)',
  coverage: 'partial',
};

export const findKindWithScriptedSso = (kind: string) =>
  kind === 'scripted-sso' ? scriptedSsoKind : findKindWithScripted(kind);
