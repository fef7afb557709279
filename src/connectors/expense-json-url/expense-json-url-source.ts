import { z } from 'zod';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { expenseLinesFromJson } from '../kit/expense-json.js';
import { expenseSourceSettings } from '../kit/expense-settings.js';
import { followPages } from '../kit/paging.js';
import { httpTuningSchema, providerHttp } from '../kit/provider-http.js';
import { secretField } from '../kit/settings-schema.js';

const configSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).meta({
    title: 'URL',
    description:
      'Address answering expense lines in JSON ({ "lines": [...], "next": "<next page URL>" }). Internal addresses and plain http are refused unless the server’s ROSTER_OUTBOUND_ALLOW opens them.',
    examples: ['https://finance.acme.com/roster/expense-lines.json'],
  }),
  http: httpTuningSchema,
  ...expenseSourceSettings,
});
const credentialsSchema = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(4096)
    .meta({
      title: 'Bearer token',
      description: 'Sent as Authorization: Bearer with every request to the URL.',
      ...secretField,
    }),
});

/**
 * Expense lines Roster pulls on a schedule from a finance system's endpoint, page by page (each answer's
 * `next` link, on the same host). Lines are only added or corrected, never removed, so an endpoint may answer
 * just a recent period. The answer is data: errors say what was expected, never what the endpoint sent.
 */
export const expenseJsonUrlSourceKind = defineSourceKind({
  kind: 'expense-json-url',
  title: 'Expense lines (pull)',
  description: 'Fetches card, expense-report and accounts-payable lines as JSON from an HTTPS endpoint.',
  capabilities: capabilities(['expenses']),
  mode: 'pull',
  configSchema,
  credentialsSchema,
  async *fetch({ config, credentials, signal, outbound }) {
    const origin = new URL(config.url).origin;
    const http = providerHttp({
      provider: `The endpoint ${new URL(config.url).host}`,
      signal,
      outbound,
      ...(credentials ? { authorization: async () => `Bearer ${credentials.token}` } : {}),
      ...definedOnly(config.http ?? {}),
    });
    let offset = 0;
    const pages = followPages(
      `The endpoint ${new URL(config.url).host}`,
      config.url,
      async (url) => (await http.getJson(url)).body,
      (body) => {
        const next = (body as { next?: unknown } | null)?.next;
        if (typeof next !== 'string' || next === '') return null;
        const resolved = new URL(next, config.url);
        // A next link elsewhere would send the bearer token to another host.
        if (resolved.origin !== origin)
          throw new ConnectorError('invalid_data', 'The endpoint’s next link points to another host');
        return resolved.toString();
      },
    );
    for await (const body of pages) {
      const { records } = expenseLinesFromJson(body, { currency: config.currency, offset, remote: true });
      offset += records.length;
      yield { records, progress: { done: offset } };
    }
  },
});

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
