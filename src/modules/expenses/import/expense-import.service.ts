import { sql } from 'kysely';
import type { ExpenseUpload } from '../../../connectors/expense-csv/expense-csv-source.js';
import type { DateFormat, ExpenseMapping, ExpensePreset } from '../../../connectors/expense-csv/presets.js';
import { isCurrencyCode } from '../../../connectors/kit/expense-values.js';
import { invalidInput } from '../../../lib/errors.js';
import type { Roster } from '../../../roster.js';
import type { SyncOptions, SyncResult } from '../../../sync/engine.js';
import { checkUploadSize, rememberImportDefaults } from '../../imports/import-source-settings.js';
import { addSource, syncSource } from '../../sources/sources.service.js';

export type CountItems = 'lines' | 'main';

export interface ExpenseImportResult extends SyncResult {
  source: { id: number; name: string };
  /** What the import says beside its counters: "Same file as the import of 2026-03-01; nothing changed". */
  message: string;
}

type Progress = Pick<SyncOptions, 'onProgress' | 'signal'>;

/**
 * The expense source of a kind with this name, created on first use (like `import csv` creates its source);
 * a source of that name that is of another kind is refused rather than fed lines it cannot hold.
 */
async function expenseSource(
  roster: Roster,
  actor: string,
  kind: 'expense-csv' | 'expense-push',
  name: string,
): Promise<{ id: number; name: string; config: unknown }> {
  const trimmed = name.trim();
  if (!trimmed) throw invalidInput('A source name is needed', [{ field: 'source', message: 'is empty' }]);
  const existing = await roster.database.db
    .selectFrom('sources')
    .select(['id', 'name', 'kind', 'config'])
    .where('disconnected_at', 'is', null)
    .where(sql`lower(name)`, '=', trimmed.toLowerCase())
    .executeTakeFirst();
  if (existing) {
    if (existing.kind !== kind)
      throw invalidInput(`The source "${existing.name}" is a ${existing.kind} source, not ${kind}`, [
        { field: 'source', message: `name a ${kind} source, or a new name to create one` },
      ]);
    return existing;
  }
  const created = await addSource(roster, actor, { kind, name: trimmed, config: {} });
  return { id: created.id, name: created.name, config: created.config };
}

/** The source as the run left it: an applied run may have stored the settings it was given. */
async function sourceConfig(roster: Roster, id: number): Promise<{ id: number; config: unknown }> {
  return roster.database.db
    .selectFrom('sources')
    .select(['id', 'config'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

function describe(result: SyncResult): string {
  const expenses = (result.detail as { expenses?: { sameFileAs: string | null } } | null)?.expenses;
  if (expenses?.sameFileAs)
    return `Same file as the import of ${expenses.sameFileAs.slice(0, 10)}; nothing changed`;
  if (result.status !== 'succeeded') return result.error?.message ?? `The import ${result.status}`;
  const c = result.counters;
  return `${c.added} line(s) added, ${c.updated} corrected, ${c.unchanged} already imported`;
}

export interface ExpenseFileInput extends Progress {
  source: string;
  content: Uint8Array;
  fileName?: string;
  preset?: ExpensePreset;
  mapping?: ExpenseMapping;
  dateFormat?: DateFormat;
  countItems?: CountItems;
  currency?: string;
}

/** Imports a CSV or XLSX export into the named expense-csv source (created on first use). */
export async function importExpenses(
  roster: Roster,
  actor: string,
  input: ExpenseFileInput,
): Promise<ExpenseImportResult> {
  checkUploadSize(roster, input.content.byteLength);
  const source = await expenseSource(roster, actor, 'expense-csv', input.source);
  const settings: Record<string, unknown> = {};
  if (input.countItems) settings.countItems = input.countItems;
  if (input.currency) {
    const currency = input.currency.trim().toUpperCase();
    if (!isCurrencyCode(currency))
      throw invalidInput(`"${input.currency}" is not a currency`, [
        { field: 'currency', message: 'must be an ISO 4217 code like USD or EUR' },
      ]);
    settings.currency = currency;
  }
  const upload: ExpenseUpload = {
    content: input.content,
    fileName: input.fileName,
    preset: input.preset,
    mapping: input.mapping,
    dateFormat: input.dateFormat,
  };
  const result = await syncSource(roster, actor, source.id, {
    input: upload,
    // The run reads and derives with them; the source keeps them only when the run applies.
    settings,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  if (result.status === 'succeeded') {
    const defaults: Record<string, unknown> = {};
    if (input.preset) defaults.preset = input.preset;
    if (input.mapping && Object.keys(input.mapping).length) defaults.mapping = input.mapping;
    if (input.dateFormat) defaults.dateFormat = input.dateFormat;
    await rememberImportDefaults(roster, actor, await sourceConfig(roster, source.id), defaults);
  }
  return { ...result, source: { id: source.id, name: source.name }, message: describe(result) };
}

/** Adds the lines a finance system pushes to the named expense-push source (created on first use). */
export async function pushExpenseLines(
  roster: Roster,
  actor: string,
  input: { source: string; body: unknown },
): Promise<ExpenseImportResult> {
  const source = await expenseSource(roster, actor, 'expense-push', input.source);
  const result = await syncSource(roster, actor, source.id, { input: input.body });
  return { ...result, source: { id: source.id, name: source.name }, message: describe(result) };
}
