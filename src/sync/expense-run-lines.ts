import type { ExpenseRecord } from '../connectors/kit/records.js';
import {
  CodeColumn,
  Float64Column,
  Int32Column,
  ownString,
  TextColumn,
  Uint8Column,
} from '../lib/compact-columns.js';
import type { ErrorDetail } from '../lib/errors.js';
import type { RunLines } from '../modules/expenses/import/run-lines.js';
import { type Duplicate, describe, type RefStyle } from './staged-duplicates.js';

const itemTypes = ['main', 'line'] as const;

/**
 * A run's checked expense lines, held in memory until the run applies, when they are written straight into
 * `expense_lines` (sync/apply-expenses.ts) instead of through a staged table: staging a million lines, then
 * inserting them from there, cost about as much as the whole baseline COPY (bench/RESULTS.md, "expenses").
 * What they hold is bounded by what brought them, which is in memory already: an upload within
 * ROSTER_MAX_UPLOAD_BYTES, a pushed body, a pull's pages under the outbound body cap.
 *
 * Held by field, not as an object per line (lib/compact-columns.ts): values that repeat (dates, currencies,
 * descriptors, accounts, emails) once each with a code per line, the others (ids, amounts, report ids)
 * joined into a few large strings. An object per line took about 1.4 GiB of heap for a million lines.
 */
export class ExpenseRunLines implements RunLines {
  private readonly seqs = new Float64Column();
  private readonly ids = new TextColumn();
  private readonly dateCodes = new CodeColumn();
  private readonly amounts = new TextColumn();
  private readonly currencyCodes = new CodeColumn();
  private readonly descriptorCodes = new Int32Column();
  private readonly descriptorsByVendor = new Map<string, Map<string, number>>();
  readonly descriptors = { vendors: [] as string[], descriptions: [] as string[] };
  private readonly reportIds = new TextColumn();
  private readonly itemTypeCodes = new Uint8Column();
  private readonly accountCodes = new CodeColumn();
  private readonly emails = new CodeColumn();

  get length() {
    return this.seqs.length;
  }

  add(record: ExpenseRecord, seq: number) {
    this.seqs.push(seq);
    this.ids.push(record.id);
    this.dateCodes.push(record.date);
    this.amounts.push(record.amount);
    this.currencyCodes.push(record.currency);
    this.descriptorCodes.push(this.descriptorCode(record.vendor, record.description));
    this.reportIds.push(record.reportId);
    this.itemTypeCodes.push(record.itemType === 'main' ? 0 : 1);
    this.accountCodes.push(record.account);
    this.emails.push(record.employeeEmail);
  }

  private descriptorCode(vendor: string, description: string): number {
    let ofVendor = this.descriptorsByVendor.get(vendor);
    if (!ofVendor) {
      ofVendor = new Map();
      this.descriptorsByVendor.set(ownString(vendor), ofVendor);
    }
    let code = ofVendor.get(description);
    if (code === undefined) {
      code = this.descriptors.vendors.length;
      const own = ownString(description);
      this.descriptors.vendors.push(ownString(vendor));
      this.descriptors.descriptions.push(own);
      ofVendor.set(own, code);
    }
    return code;
  }

  /** The line's place in the run: a file's row, a JSON array's index. */
  seq(index: number): number {
    return this.seqs.get(index);
  }
  id(index: number): string | null {
    return this.ids.get(index);
  }
  date(index: number): string {
    return this.dateCodes.get(index) as string;
  }
  amount(index: number): string {
    return this.amounts.get(index) as string;
  }
  currency(index: number): string {
    return this.currencyCodes.get(index) as string;
  }
  descriptor(index: number): number {
    return this.descriptorCodes.get(index);
  }
  vendor(index: number): string {
    return this.descriptors.vendors[this.descriptor(index)] as string;
  }
  description(index: number): string {
    return this.descriptors.descriptions[this.descriptor(index)] as string;
  }
  reportId(index: number): string | null {
    return this.reportIds.get(index);
  }
  itemType(index: number): ExpenseRecord['itemType'] {
    return itemTypes[this.itemTypeCodes.get(index)] as ExpenseRecord['itemType'];
  }
  account(index: number): string {
    return this.accountCodes.get(index) as string;
  }
  employeeEmail(index: number): string | null {
    return this.emails.get(index);
  }
  get accounts(): readonly string[] {
    return this.accountCodes.values;
  }
  get currencies(): readonly string[] {
    return this.currencyCodes.values;
  }
  get dates(): readonly string[] {
    return this.dateCodes.values;
  }

  /** The line as it was added. */
  line(index: number): ExpenseRecord {
    return {
      type: 'expense',
      id: this.id(index),
      date: this.date(index),
      amount: this.amount(index),
      currency: this.currency(index),
      vendor: this.vendor(index),
      description: this.description(index),
      reportId: this.reportId(index),
      itemType: this.itemType(index),
      account: this.account(index),
      employeeEmail: this.employeeEmail(index),
    };
  }

  /**
   * The same id given to two lines of the run, each reported with its rows, as staged duplicates are.
   * Found with an open-addressing table of line positions keyed by a hash of the id (8 bytes a line),
   * not a map of every id to its rows.
   */
  duplicates(refStyle: RefStyle, limit = 200): ErrorDetail[] {
    const size = tableSize(this.length);
    const table = new Int32Array(size).fill(-1);
    const seqsById = new Map<string, number[]>();
    for (let i = 0; i < this.length; i++) {
      const id = this.ids.get(i);
      if (id === null) continue;
      let slot = hashOf(id) & (size - 1);
      for (;;) {
        const other = table[slot] as number;
        if (other < 0) {
          table[slot] = i;
          break;
        }
        if (this.ids.get(other) === id) {
          const seqs = seqsById.get(id);
          if (seqs) seqs.push(this.seq(i));
          else seqsById.set(id, [this.seq(other), this.seq(i)]);
          break;
        }
        slot = (slot + 1) & (size - 1);
      }
    }
    const twice: Duplicate[] = [];
    for (const [key, seqs] of seqsById)
      twice.push({ kind: 'expense line', key, seqs: seqs.sort((a, b) => a - b) });
    twice.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return twice.slice(0, limit).map((d) => describe(d, refStyle));
  }
}

/** A power of two at least twice `count`, so probes stay short. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
