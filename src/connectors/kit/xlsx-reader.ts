import type { ErrorDetail } from '../../lib/errors.js';
import { ConnectorError } from './connector-error.js';
import type { CsvRow } from './csv-reader.js';

/** Whether the bytes are an XLSX workbook (a ZIP archive), not CSV text. */
export function isXlsx(content: unknown): content is Uint8Array {
  return (
    content instanceof Uint8Array &&
    content.length > 4 &&
    content[0] === 0x50 &&
    content[1] === 0x4b &&
    content[2] === 0x03 &&
    content[3] === 0x04
  );
}

/** A cell as the text a CSV export would hold; date cells become ISO dates, numbers keep their digits. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * Reads the first sheet of an XLSX workbook as rows keyed by header, like readCsvRows: row numbers are the
 * sheet's (the header is row 1), empty rows are skipped, and duplicate or empty header names are errors.
 * Numbers are kept as the workbook wrote them, so no binary rounding touches an amount.
 */
export async function* readXlsxRows(
  content: Uint8Array,
  batchSize = 5000,
): AsyncGenerator<{ header: string[]; rows: CsvRow[] }> {
  let sheet: unknown[][];
  try {
    // Loaded when a workbook arrives: the reader is a large module tree `roster serve` need not load to start.
    const { readSheet } = await import('read-excel-file/node');
    sheet = (await readSheet(Buffer.from(content), { parseNumber: (text: string) => text })) as unknown[][];
  } catch (error) {
    throw new ConnectorError('invalid_data', 'The file is not a readable XLSX workbook', [
      { message: (error as Error).message },
    ]);
  }
  const first = sheet.findIndex((cells) => cells.some((c) => cellText(c).trim() !== ''));
  if (first < 0) throw new ConnectorError('invalid_data', 'The file is empty');
  const header = (sheet[first] ?? []).map((c) => cellText(c).trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') problems.push({ row: first + 1, field: `column ${i + 1}`, message: 'header is empty' });
    else if (seen.has(name.toLowerCase()))
      problems.push({ row: first + 1, field: name, message: 'header appears twice' });
    seen.add(name.toLowerCase());
  });
  if (problems.length) throw new ConnectorError('invalid_data', 'The header row is not valid', problems);
  let batch: CsvRow[] = [];
  for (let index = first + 1; index < sheet.length; index++) {
    const cells = sheet[index] ?? [];
    if (cells.every((c) => cellText(c).trim() === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = cellText(cells[i]);
    });
    batch.push({ row: index + 1, values });
    if (batch.length >= batchSize) {
      yield { header, rows: batch };
      batch = [];
    }
  }
  yield { header, rows: batch };
}
