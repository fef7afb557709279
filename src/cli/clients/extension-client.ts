import type { ExtensionTokenView } from '../../modules/extension/extension-tokens.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

export type IssueExtensionToken = { email: string } | { enrollment: true };

/** Browser extension tokens: issued for one person's email (or for enrolling), listed, revoked. */
export interface ExtensionClient {
  issueToken(input: IssueExtensionToken): Promise<ExtensionTokenView & { token: string }>;
  listTokens(): Promise<ExtensionTokenView[]>;
  revokeToken(id: number): Promise<void>;
}

const services = () => import('../../modules/extension/extension-tokens.js');

const local = (roster: Roster): ExtensionClient => ({
  issueToken: async (input) =>
    (await services()).issueExtensionToken(
      roster,
      cliActor(),
      'email' in input ? { kind: 'reporting', email: input.email, via: 'admin' } : { kind: 'enrollment' },
    ),
  listTokens: async () => (await services()).listExtensionTokens(roster),
  revokeToken: async (id) => (await services()).revokeExtensionToken(roster, cliActor(), id),
});

const api = (client: ApiClient): ExtensionClient => ({
  issueToken: (input) => client.call('POST', '/api/extension/tokens', { body: input }),
  listTokens: async () =>
    (await client.call<{ items: ExtensionTokenView[] }>('GET', '/api/extension/tokens')).items,
  revokeToken: async (id) => {
    await client.call('DELETE', `/api/extension/tokens/${id}`);
  },
});

export const extensionClient: ClientFactory<ExtensionClient> = { local, api };
