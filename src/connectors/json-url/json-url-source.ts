import { z } from 'zod';
import { snapshotRecords } from '../custom/snapshot.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { httpTuningSchema, providerHttp } from '../kit/provider-http.js';
import { appSetting, secretField } from '../kit/settings-schema.js';

const configSchema = z.strictObject({
  app: appSetting(
    'The app the snapshot describes: an app of this organisation or of the catalog (add a custom app first).',
    'Acme Intranet',
  ),
  url: z.url({ protocol: /^https?$/ }).meta({
    title: 'URL',
    description:
      'Address answering a full snapshot of the app’s users and licences in JSON (Roster’s or Torii’s shape). Internal addresses and plain http are refused unless the server’s ROSTER_OUTBOUND_ALLOW opens them.',
    examples: ['https://intranet.acme.com/roster-snapshot.json'],
  }),
  http: httpTuningSchema,
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
 * A custom app whose snapshot (Roster's or Torii's JSON shape) Roster fetches from a URL with a bearer token,
 * through the provider kit's client (retries, backoff, one deadline per request, answers capped).
 * The answer is data: errors say what was expected and never repeat what the endpoint sent, since the people
 * who read a run's error are not the ones who chose the URL.
 */
export const jsonUrlSourceKind = defineSourceKind({
  kind: 'json-url',
  title: 'Custom integration (pull)',
  description: 'Fetches a JSON snapshot of a custom app from an HTTPS endpoint with a bearer token.',
  capabilities: capabilities(['users', 'licenseTypes', 'purchasedSeats', 'lastUsed']),
  mode: 'pull',
  configSchema,
  credentialsSchema,
  appOf: (config) => config.app,
  async *fetch({ config, credentials, signal, outbound }) {
    const http = providerHttp({
      provider: `The endpoint ${new URL(config.url).host}`,
      signal,
      outbound,
      ...(credentials ? { authorization: async () => `Bearer ${credentials.token}` } : {}),
      // A snapshot is one large answer: without a setting of its own it gets the server's outbound deadline.
      timeoutMs: outbound.timeoutMs,
      ...definedOnly(config.http ?? {}),
    });
    const { body } = await http.getJson(config.url);
    const records = snapshotRecords(config.app, body, { remote: true });
    yield { records, progress: { done: records.length, total: records.length } };
  },
});

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
