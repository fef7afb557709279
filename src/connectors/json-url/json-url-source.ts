import { z } from 'zod';
import type { OutboundAnswer } from '../../lib/outbound/outbound-client.js';
import { snapshotRecords } from '../custom/snapshot.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { outboundFailure } from '../kit/outbound-failure.js';
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
 * A custom app whose snapshot (Roster's or Torii's JSON shape) Roster fetches from a URL with a bearer token.
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
    let answer: OutboundAnswer;
    try {
      answer = await outbound.request(config.url, {
        headers: {
          accept: 'application/json',
          ...(credentials ? { authorization: `Bearer ${credentials.token}` } : {}),
        },
        signal,
      });
    } catch (error) {
      throw outboundFailure(error, `Cannot fetch the snapshot from ${new URL(config.url).host}`, signal);
    }
    const { status } = answer;
    if (status === 401) throw new ConnectorError('auth', 'The endpoint refused the token (HTTP 401)');
    if (status === 403)
      throw new ConnectorError('permission', 'The token may not read this endpoint (HTTP 403)');
    if (status === 404) throw new ConnectorError('not_found', 'The endpoint does not exist (HTTP 404)');
    if (status < 200 || status >= 300) {
      const code = status >= 500 || status === 429 ? 'transient' : 'fatal';
      throw new ConnectorError(code, `The endpoint answered HTTP ${status}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.body.toString('utf8'));
    } catch {
      throw new ConnectorError('invalid_data', 'The endpoint did not return JSON');
    }
    const records = snapshotRecords(config.app, body, { remote: true });
    yield { records, progress: { done: records.length, total: records.length } };
  },
});
