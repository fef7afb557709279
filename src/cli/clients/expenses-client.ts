import type { DateFormat, ExpenseMapping, ExpensePreset } from '../../connectors/expense-csv/presets.js';
import type { ExpenseLine, ExpenseStatus } from '../../modules/expenses/expense-lines.schemas.js';
import type { ExpenseAccountView } from '../../modules/expenses/import/expense-accounts.service.js';
import type {
  CountItems,
  ExpenseImportResult,
} from '../../modules/expenses/import/expense-import.service.js';
import type {
  LineAppView,
  RuleInput,
  RuleTest,
  RuleView,
} from '../../modules/expenses/rules/expense-rules.schemas.js';
import type { ExpenseSummary } from '../../modules/expenses/summary.schemas.js';
import type { Roster } from '../../roster.js';
import type { SyncProgress } from '../../sync/engine.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';
import { orFailedRun } from './imports-client.js';

export interface ExpenseFileUpload {
  source: string;
  content: Buffer;
  fileName: string;
  preset?: ExpensePreset;
  mapping: ExpenseMapping;
  dateFormat?: DateFormat;
  countItems?: CountItems;
  currency?: string;
  onProgress: (progress: SyncProgress) => void;
}

export interface ExpenseLineQuery {
  status?: ExpenseStatus;
  app?: string;
}

export interface ExpenseAccounts {
  source: { id: number; name: string };
  accounts: ExpenseAccountView[];
}

/** Expense imports, figures, accounts, rates and rules: the `roster expenses` and `import expenses` commands. */
export interface ExpensesClient {
  /** The largest file this side accepts, checked before reading it; null: the server says (413). */
  maxUploadBytes: number | null;
  importFile(input: ExpenseFileUpload): Promise<ExpenseImportResult>;
  importRates(content: Buffer): Promise<{ rates: number; added: number; updated: number }>;
  accounts(source: string): Promise<ExpenseAccounts>;
  setAccountExcluded(source: string, account: string, excluded: boolean): Promise<ExpenseAccountView>;
  summary(): Promise<ExpenseSummary>;
  lines(query: ExpenseLineQuery): Promise<ExpenseLine[]>;
  /** Writes the lines as CSV to `out`; a reader that stops early (`| head`) ends it. */
  linesCsv(query: ExpenseLineQuery, out: NodeJS.WritableStream): Promise<void>;
  rules(): Promise<RuleView[]>;
  addRule(input: RuleInput): Promise<RuleView>;
  removeRule(id: number): Promise<void>;
  testRule(request: { id: number } | RuleInput): Promise<RuleTest>;
  setLineApp(lineId: number, app: string | null): Promise<LineAppView>;
}

/** Each command loads only the services it calls: a process start reads no module it does not need. */
const importing = async () => ({
  ...(await import('../../modules/expenses/import/expense-import.service.js')),
  ...(await import('../../modules/expenses/import/expense-accounts.service.js')),
  ...(await import('../../modules/expenses/import/exchange-rates.service.js')),
});
const figures = async () => ({
  ...(await import('../../modules/expenses/expense-lines.repo.js')),
  ...(await import('../../modules/expenses/summary.service.js')),
});
const exporting = async () => ({
  ...(await import('../../lib/csv-export.js')),
  ...(await import('../../modules/expenses/expense-lines.schemas.js')),
});
const ruling = async () => ({
  ...(await import('../../modules/expenses/rules/expense-rules.service.js')),
  ...(await import('../../modules/expenses/rules/line-app.service.js')),
  ...(await import('../../modules/expenses/rules/rule-test.js')),
});

const local = (roster: Roster): ExpensesClient => {
  const filtersOf = async ({ status, app }: ExpenseLineQuery) => ({
    ...(status ? { status } : {}),
    ...(app
      ? { appId: await (await import('../../modules/apps/apps.service.js')).findAppId(roster, app) }
      : {}),
  });
  return {
    maxUploadBytes: roster.config.maxUploadBytes,
    importFile: async (input) => (await importing()).importExpenses(roster, cliActor(), input),
    importRates: async (content) => (await importing()).importExchangeRates(roster, cliActor(), content),
    accounts: async (source) => (await importing()).listExpenseAccounts(roster, source),
    setAccountExcluded: async (source, account, excluded) =>
      (await importing()).setExpenseAccountExcluded(roster, cliActor(), source, account, excluded),
    summary: async () => (await figures()).loadExpenseSummary(roster),
    lines: async (query) => {
      const items: ExpenseLine[] = [];
      await (await figures()).forEachExpenseLine(roster, await filtersOf(query), async (batch) => {
        items.push(...batch);
      });
      return items;
    },
    linesCsv: async (query, out) => {
      const { forEachExpenseLine } = await figures();
      const { csvWriter, expenseCsvColumns, rowWriter } = await exporting();
      const filters = await filtersOf(query);
      const csv = csvWriter(expenseCsvColumns);
      const stop = new AbortController();
      out.once('error', () => stop.abort());
      csv.pipe(out);
      const write = rowWriter(csv, stop.signal);
      await forEachExpenseLine(
        roster,
        filters,
        async (batch) => {
          for (const row of batch) await write(row);
        },
        { signal: stop.signal },
      );
      await new Promise<void>((resolve) => csv.end(resolve));
    },
    rules: async () => (await ruling()).listRules(roster.database.db),
    addRule: async (input) => (await ruling()).addRule(roster, cliActor(), input),
    removeRule: async (id) => (await ruling()).removeRule(roster, cliActor(), id),
    testRule: async (request) => (await ruling()).testRule(roster.database.db, request),
    setLineApp: async (lineId, app) => (await ruling()).setLineApp(roster, cliActor(), lineId, app),
  };
};

/** The API answers expense lines 500 at a time. */
const page = 500;

const api = (client: ApiClient): ExpensesClient => {
  const accountsPath = async (source: string) =>
    `/api/expenses/sources/${await client.idOf('sources', source)}/accounts`;
  return {
    maxUploadBytes: null,
    importFile: async ({ source, content, fileName, preset, mapping, dateFormat, countItems, currency }) => {
      const result = await orFailedRun(client, () =>
        client.call<ExpenseImportResult>('POST', '/api/imports/expenses', {
          query: {
            source,
            fileName,
            preset,
            dateFormat,
            countItems,
            currency,
            ...Object.fromEntries(Object.entries(mapping).map(([field, header]) => [`map.${field}`, header])),
          },
          upload: { content, contentType: 'application/octet-stream' },
        }),
      );
      // A run the API answered as an error says what went wrong, as the import says it on this machine.
      if ('message' in result) return result as ExpenseImportResult;
      return { ...result, message: result.error?.message ?? `The import ${result.status}` };
    },
    importRates: (content) =>
      client.call('POST', '/api/expenses/rates', { upload: { content, contentType: 'text/csv' } }),
    accounts: async (source) => client.call('GET', await accountsPath(source)),
    setAccountExcluded: async (source, account, excluded) =>
      client.call('POST', `${await accountsPath(source)}/${excluded ? 'exclude' : 'include'}`, {
        body: { account },
      }),
    summary: () => client.call('GET', '/api/expenses/summary'),
    lines: (query) => client.allPages<ExpenseLine>('/api/expenses/lines', { ...query }, page),
    linesCsv: (query, out) => client.download('/api/expenses/lines.csv', { ...query }, out),
    rules: async () => (await client.call<{ items: RuleView[] }>('GET', '/api/expenses/rules')).items,
    addRule: (input) => client.call('POST', '/api/expenses/rules', { body: input }),
    removeRule: async (id) => {
      await client.call('DELETE', `/api/expenses/rules/${id}`);
    },
    testRule: (request) => client.call('POST', '/api/expenses/rules/test', { body: request }),
    setLineApp: (lineId, app) => client.call('PUT', `/api/expenses/lines/${lineId}/app`, { body: { app } }),
  };
};

export const expensesClient: ClientFactory<ExpensesClient> = { local, api };
