import type { MergeApplied, MergeReport } from '../../modules/merge/merge.service.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

/** Merge Users: its alias sources, the changes report, turning it on and off. */
export interface MergeClient {
  configure(sources: { source: string; fields: string[] }[]): Promise<MergeReport>;
  preview(): Promise<MergeReport>;
  emailReport(to: string): Promise<void>;
  apply(): Promise<MergeApplied>;
  revoke(): Promise<MergeApplied>;
}

const services = async () => ({
  ...(await import('../../modules/merge/merge.service.js')),
  ...(await import('../../modules/merge/merge-report-email.js')),
});

const local = (roster: Roster): MergeClient => ({
  configure: async (sources) => (await services()).configureMerge(roster, cliActor(), sources),
  preview: async () => (await services()).previewMerge(roster),
  emailReport: async (to) => {
    await (await services()).emailMergeReport(roster, cliActor(), to);
  },
  apply: async () => (await services()).applyMerge(roster, cliActor()),
  revoke: async () => (await services()).revokeMerge(roster, cliActor()),
});

const api = (client: ApiClient): MergeClient => ({
  configure: (sources) => client.call('PUT', '/api/merge/configuration', { body: { sources } }),
  preview: () => client.call('GET', '/api/merge/preview'),
  emailReport: async (to) => {
    await client.call('POST', '/api/merge/preview/email', { body: { to } });
  },
  apply: () => client.call('POST', '/api/merge/apply'),
  revoke: () => client.call('POST', '/api/merge/revoke'),
});

export const mergeClient: ClientFactory<MergeClient> = { local, api };
