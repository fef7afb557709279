import type { AppCreated } from '../../modules/apps/apps.service.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

/** Changes to apps: added by hand, their inactivity threshold, their owners, their domains. */
export interface AppsClient {
  add(name: string): Promise<AppCreated>;
  setThreshold(app: string, days: number | null): Promise<void>;
  setOwners(app: string, emails: string[]): Promise<string[]>;
  setDomains(app: string, domains: string[]): Promise<string[]>;
}

const services = async () => ({
  ...(await import('../../modules/apps/apps.service.js')),
  ...(await import('../../modules/apps/app-owners.js')),
  ...(await import('../../modules/apps/app-domains.js')),
});

const local = (roster: Roster): AppsClient => ({
  add: async (name) => (await services()).addApp(roster, cliActor(), { name }),
  setThreshold: async (app, days) => (await services()).setInactivityThreshold(roster, cliActor(), app, days),
  setOwners: async (app, emails) => (await services()).setAppOwners(roster, cliActor(), app, emails),
  setDomains: async (app, domains) => (await services()).setAppDomains(roster, cliActor(), app, domains),
});

const api = (client: ApiClient): AppsClient => {
  const app = async (ref: string) => `/api/apps/${await client.idOf('apps', ref)}`;
  return {
    add: (name) => client.call('POST', '/api/apps', { body: { name } }),
    setThreshold: async (ref, inactivityDays) => {
      await client.call('PATCH', await app(ref), { body: { inactivityDays } });
    },
    setOwners: async (ref, emails) =>
      (await client.call<{ owners: string[] }>('PUT', `${await app(ref)}/owners`, { body: { emails } }))
        .owners,
    setDomains: async (ref, domains) =>
      (await client.call<{ domains: string[] }>('PUT', `${await app(ref)}/domains`, { body: { domains } }))
        .domains,
  };
};

export const appsClient: ClientFactory<AppsClient> = { local, api };
