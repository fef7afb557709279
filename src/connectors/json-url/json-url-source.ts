import { z } from 'zod';
import { snapshotRecords } from '../custom/snapshot.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { appSetting, secretField } from '../kit/settings-schema.js';

const configSchema = z.strictObject({
  app: appSetting(
    'The app the snapshot describes: an app of this organisation or of the catalog (add a custom app first).',
    'Acme Intranet',
  ),
  url: z.url({ protocol: /^https?$/ }).meta({
    title: 'URL',
    description:
      'Address answering a full snapshot of the app’s users and licences in JSON (Roster’s or Torii’s shape).',
    examples: ['https://intranet.acme.com/roster-snapshot.json'],
  }),
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

const maxBytes = 200 * 1024 * 1024;

/** A custom app whose snapshot (Roster's or Torii's JSON shape) Roster fetches from a URL with a bearer token. */
export const jsonUrlSourceKind = defineSourceKind({
  kind: 'json-url',
  title: 'Custom integration (pull)',
  description: 'Fetches a JSON snapshot of a custom app from an HTTPS endpoint with a bearer token.',
  capabilities: capabilities(['users', 'licenseTypes', 'purchasedSeats', 'lastUsed']),
  mode: 'pull',
  configSchema,
  credentialsSchema,
  appOf: (config) => config.app,
  async *fetch({ config, credentials, signal }) {
    let response: Response;
    try {
      response = await fetch(config.url, {
        headers: {
          accept: 'application/json',
          ...(credentials ? { authorization: `Bearer ${credentials.token}` } : {}),
        },
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ConnectorError(
        'transient',
        `Cannot reach ${new URL(config.url).host}: ${(error as Error).message}`,
      );
    }
    if (response.status === 401)
      throw new ConnectorError('auth', 'The endpoint refused the token (HTTP 401)');
    if (response.status === 403)
      throw new ConnectorError('permission', 'The token may not read this endpoint (HTTP 403)');
    if (response.status === 404)
      throw new ConnectorError('not_found', 'The endpoint does not exist (HTTP 404)');
    if (!response.ok) {
      const code = response.status >= 500 || response.status === 429 ? 'transient' : 'fatal';
      throw new ConnectorError(code, `The endpoint answered HTTP ${response.status}`);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > maxBytes)
      throw new ConnectorError('invalid_data', `The snapshot is larger than ${maxBytes} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      throw new ConnectorError('invalid_data', 'The endpoint did not return JSON');
    }
    const records = snapshotRecords(config.app, body);
    yield { records, progress: { done: records.length, total: records.length } };
  },
});
