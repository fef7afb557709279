import { parse } from 'csv-parse';
import type { ErrorDetail } from '../../lib/errors.js';
import { ConnectorError } from './connector-error.js';

/** Decodes an uploaded file as UTF-8 (a BOM is dropped), refusing other encodings with a clear error. */
export function decodeUtf8(input: unknown): string {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (!(bytes instanceof Uint8Array)) throw new ConnectorError('invalid_data', 'No file content was given');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ConnectorError(
      'invalid_data',
      'The file is not UTF-8 text: save it as CSV UTF-8 and upload it again',
    );
  }
  if (text.trim() === '') throw new ConnectorError('invalid_data', 'The file is empty');
  return text;
}

export interface CsvRow {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  values: Record<string, string>;
}

/**
 * Reads CSV rows as objects keyed by header, in batches. Header names are trimmed; duplicate or empty
 * header names, ragged rows and broken quoting are errors that name the row.
 */
export async function* readCsvRows(
  text: string,
  batchSize = 5000,
): AsyncGenerator<{ header: string[]; rows: CsvRow[] }> {
  const parser = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true, trim: false });
  let header: string[] | undefined;
  let batch: CsvRow[] = [];
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (!header) {
        header = record.map((h) => h.trim());
        const seen = new Set<string>();
        const problems: ErrorDetail[] = [];
        header.forEach((name, i) => {
          if (name === '') problems.push({ row: 1, field: `column ${i + 1}`, message: 'header is empty' });
          else if (seen.has(name.toLowerCase()))
            problems.push({ row: 1, field: name, message: 'header appears twice' });
          seen.add(name.toLowerCase());
        });
        if (problems.length)
          throw new ConnectorError('invalid_data', 'The header row is not valid', problems);
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((name, i) => {
        values[name] = record[i] ?? '';
      });
      batch.push({ row, values });
      if (batch.length >= batchSize) {
        yield { header, rows: batch };
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    const lines = (error as { lines?: number }).lines;
    throw new ConnectorError('invalid_data', 'The file is not valid CSV', [
      { ...(lines ? { row: lines } : {}), message: (error as Error).message },
    ]);
  }
  if (!header) throw new ConnectorError('invalid_data', 'The file is empty');
  yield { header, rows: batch };
}
