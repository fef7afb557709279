import type { InactiveReason } from '../../modules/licenses/inactive-reasons.js';
import type { InactiveLicense } from '../../modules/licenses/licenses.repo.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

export interface InactiveQuery {
  app?: string;
  licenseType?: string;
  reason?: InactiveReason;
  user?: string;
}

/** Inactive licenses: every one matching the filters, or the same as a CSV export (audited). */
export interface LicensesClient {
  inactive(query: InactiveQuery): Promise<InactiveLicense[]>;
  /** Writes the CSV export to `out`; a reader that stops early (`| head`) ends it. */
  inactiveCsv(query: InactiveQuery, out: NodeJS.WritableStream): Promise<void>;
}

const services = async () => ({
  ...(await import('../../lib/csv-export.js')),
  ...(await import('../../modules/apps/apps.service.js')),
  ...(await import('../../modules/licenses/license-export-audit.js')),
  ...(await import('../../modules/licenses/licenses.repo.js')),
  ...(await import('../../modules/licenses/licenses.routes.js')),
});

const local = (roster: Roster): LicensesClient => {
  const filtersOf = async ({ app, ...rest }: InactiveQuery) => ({
    ...(app ? { appId: await (await services()).findAppId(roster, app) } : {}),
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
  });
  return {
    inactive: async (query) => {
      const { forEachInactiveLicense } = await services();
      const items: InactiveLicense[] = [];
      await forEachInactiveLicense(roster, await filtersOf(query), async (batch) => {
        items.push(...batch);
      });
      return items;
    },
    inactiveCsv: async (query, out) => {
      const {
        auditInactiveLicensesExport,
        csvWriter,
        forEachInactiveLicense,
        inactiveCsvColumns,
        rowWriter,
      } = await services();
      const filters = await filtersOf(query);
      await auditInactiveLicensesExport(roster, cliActor(), filters);
      const csv = csvWriter(inactiveCsvColumns);
      const stop = new AbortController();
      out.once('error', () => stop.abort());
      csv.pipe(out);
      const write = rowWriter(csv, stop.signal);
      await forEachInactiveLicense(
        roster,
        filters,
        async (batch) => {
          for (const row of batch) await write(row);
        },
        { signal: stop.signal },
      );
      await new Promise<void>((resolve) => csv.end(resolve));
    },
  };
};

/** The API answers inactive licenses 1000 at a time. */
const page = 1000;

const api = (client: ApiClient): LicensesClient => ({
  inactive: (query) => client.allPages<InactiveLicense>('/api/licenses/inactive', { ...query }, page),
  inactiveCsv: (query, out) => client.download('/api/licenses/inactive.csv', { ...query }, out),
});

export const licensesClient: ClientFactory<LicensesClient> = { local, api };
