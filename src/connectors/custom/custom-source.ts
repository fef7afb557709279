import { z } from 'zod';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { appSetting } from '../kit/settings-schema.js';
import { snapshotRecords } from './snapshot.js';

const configSchema = z.strictObject({
  app: appSetting(
    'The app the snapshots describe: an app of this organisation or of the catalog.',
    'Acme Intranet',
  ),
});

/** A custom app fed by JSON snapshots pushed through the API or the CLI. */
export const customSourceKind = defineSourceKind({
  kind: 'custom',
  title: 'Custom integration',
  description:
    "Full snapshots of a custom app's users and licenses, pushed as JSON (Roster's or Torii's shape).",
  capabilities: capabilities(['users', 'licenseTypes', 'purchasedSeats', 'lastUsed']),
  mode: 'push',
  configSchema,
  appOf: (config) => config.app,
  async *fetch({ config, input }) {
    if (input === undefined) throw new ConnectorError('invalid_data', 'No snapshot was given');
    const records = snapshotRecords(config.app, input);
    yield { records, progress: { done: records.length, total: records.length } };
  },
});
