import type { SourceRecord } from '../connectors/kit/records.js';
import type { CopyValue } from '../db/copy-text.js';
import type { Database } from '../db/database.js';
import { storableJson } from '../lib/storable-text.js';

type Row = CopyValue[];

const columns = {
  staged_apps: ['run_id', 'name', 'domain'],
  staged_accounts: [
    'run_id',
    'seq',
    'app_name',
    'email',
    'external_id',
    'name',
    'status',
    'role',
    'license_types',
    'last_used_at',
  ],
  staged_license_types: ['run_id', 'seq', 'app_name', 'name', 'purchased', 'price_per_user_cents'],
  staged_employees: [
    'run_id',
    'seq',
    'email',
    'name',
    'status',
    'termination_date',
    'personal_email',
    'department',
    'manager_email',
    'attributes',
  ],
  staged_raw_records: ['run_id', 'object_type', 'external_id', 'data'],
  staged_aliases: ['run_id', 'seq', 'primary_email', 'field', 'value'],
} as const;

export type StagedTable = keyof typeof columns;
export const stagedTables = Object.keys(columns) as StagedTable[];

/**
 * Holds a run's validated records until they are written to the staged_* tables with COPY, a page at a
 * time, so memory stays flat however large the source is.
 */
export class Staging {
  private readonly rows: Record<StagedTable, Row[]> = {
    staged_apps: [],
    staged_accounts: [],
    staged_license_types: [],
    staged_employees: [],
    staged_raw_records: [],
    staged_aliases: [],
  };
  private seq = 0;
  /** Files name rows; JSON names array positions such as users[3]. Duplicate reports follow the same style. */
  refStyle: 'row' | 'index' = 'row';
  readonly counts: Record<SourceRecord['type'], number> = {
    app: 0,
    account: 0,
    license_type: 0,
    employee: 0,
    alias: 0,
    domain: 0,
    expense: 0,
  };
  /** Domains are few (a handful per organisation), so they stay in memory until the run applies. */
  readonly domains = new Map<string, boolean>();

  constructor(
    private readonly database: Database,
    private readonly runId: number,
  ) {}

  /** A record's place in the run: a file's row, a JSON array's index, else the order it came in. */
  seqOf(ref: number | string | undefined): number {
    if (typeof ref === 'number') return ref;
    const index = ref?.match(/\[(\d+)\]$/);
    if (index) this.refStyle = 'index';
    return index ? Number(index[1]) : ++this.seq;
  }

  /** Whether any record was added: a run of expense lines alone (held aside, not staged) adds none. */
  get isEmpty(): boolean {
    return Object.values(this.counts).every((n) => n === 0);
  }

  add(
    record: SourceRecord,
    ref: number | string | undefined,
    raw?: { objectType: string; externalId: string; data: unknown },
  ) {
    const run = this.runId;
    const seq = this.seqOf(ref);
    this.counts[record.type]++;
    switch (record.type) {
      case 'app':
        this.rows.staged_apps.push([run, record.name, record.domain]);
        break;
      case 'account':
        this.rows.staged_accounts.push([
          run,
          seq,
          record.app,
          record.email,
          record.externalId,
          record.name,
          record.status,
          record.role,
          record.licenseTypes,
          record.lastUsedAt,
        ]);
        break;
      case 'license_type':
        this.rows.staged_license_types.push([
          run,
          seq,
          record.app,
          record.name,
          record.purchased,
          record.pricePerUserCents,
        ]);
        break;
      case 'employee':
        this.rows.staged_employees.push([
          run,
          seq,
          record.email,
          record.name,
          record.status,
          record.terminationDate,
          record.personalEmail,
          record.department,
          record.managerEmail,
          JSON.stringify(record.attributes),
        ]);
        break;
      case 'alias':
        this.rows.staged_aliases.push([run, seq, record.primaryEmail, record.field, record.value]);
        break;
      case 'domain':
        this.domains.set(record.name, record.verified);
        break;
      case 'expense':
        // Held by the run, not staged (sync/expense-run-lines.ts); the engine refuses them from other sources.
        throw new Error('An expense line is not staged');
    }
    if (raw) this.rows.staged_raw_records.push([run, raw.objectType, raw.externalId, storableJson(raw.data)]);
  }

  private writing: Promise<void> | null = null;

  /**
   * Starts writing what was added since the last flush, once the previous write has ended: the database
   * writes one page while the next is fetched and validated (on a server database, on another core). At most
   * two pages are held in memory. `settle()` waits for the last write and reports its error.
   */
  async flush(): Promise<void> {
    await this.settle();
    const batches = stagedTables
      .filter((table) => this.rows[table].length > 0)
      .map((table) => ({ table, rows: this.rows[table] }));
    for (const { table } of batches) this.rows[table] = [];
    if (batches.length === 0) return;
    const writing = (async () => {
      for (const { table, rows } of batches) await this.database.copyRows(table, columns[table], rows);
    })();
    // Observed by settle(); without a handler a failure before then would be an unhandled rejection.
    writing.catch(() => {});
    this.writing = writing;
  }

  /** Waits until every flushed page is written; throws the write's error if it failed. */
  async settle(): Promise<void> {
    const writing = this.writing;
    this.writing = null;
    if (writing) await writing;
  }
}
