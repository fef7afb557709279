import { invalidInput } from '../../lib/errors.js';
import { explainWhats } from '../../modules/explain/explain-whats.js';
import type { Explanation } from '../../modules/explain/explanation.js';
import type { Roster } from '../../roster.js';
import type { ClientFactory } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

/** Why a figure is what it is. */
export interface ExplainClient {
  explain(what: string, subject?: string): Promise<Explanation>;
}

/** The figures about a person take an email; the others an app. */
const aboutPerson = ['offboarding-apps', 'offboarding'];

const local = (roster: Roster): ExplainClient => ({
  explain: async (what, subject) =>
    (await import('../../modules/explain/explain.service.js')).explain(roster, what, subject),
});

const api = (client: ApiClient): ExplainClient => ({
  explain: (what, subject) => {
    // Refused here in the words the service uses, so the message is the same either way.
    if (!(explainWhats as readonly string[]).includes(what))
      throw invalidInput(`Roster cannot explain "${what}"`, [
        { field: 'what', message: `must be one of ${explainWhats.join(', ')}` },
      ]);
    return client.call('GET', `/api/explain/${what}`, {
      query: aboutPerson.includes(what) ? { email: subject } : { app: subject },
    });
  },
});

export const explainClient: ClientFactory<ExplainClient> = { local, api };
