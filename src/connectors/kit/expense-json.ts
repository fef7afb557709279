import { z } from 'zod';
import { ConnectorError } from './connector-error.js';
import type { SourceRecordInput } from './records.js';

/**
 * Expense lines as JSON, the shape of the pull (expense-json-url) and push (POST /api/expenses/lines) kinds:
 * `{ "lines": [{ id, date, amount, currency, vendor, description, report_id, item_type, account,
 * employee_email }], "next": "<url of the next page>" }`, the same fields as the CSV's canonical header.
 * Only the shape is checked here; every value is validated by the sync engine, which names the line.
 */
const jsonLine = z.strictObject({
  id: z.union([z.string(), z.number()]).nullish(),
  date: z.string(),
  amount: z.union([z.string(), z.number()]),
  currency: z.string().nullish(),
  vendor: z.string().nullish(),
  description: z.string().nullish(),
  report_id: z.union([z.string(), z.number()]).nullish(),
  item_type: z.string().nullish(),
  account: z.string().nullish(),
  employee_email: z.string().nullish(),
});

export const expenseLinesBodySchema = z.strictObject({
  lines: z.array(jsonLine).max(100_000),
  next: z.string().nullish(),
});
export type ExpenseLinesBody = z.infer<typeof expenseLinesBodySchema>;

/** The lines of one JSON page as records; `offset` numbers them across pages (`lines[120]`). */
export function expenseLinesFromJson(
  body: unknown,
  options: { currency?: string; offset?: number; remote?: boolean },
): { records: SourceRecordInput[]; next: string | null } {
  const parsed = expenseLinesBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorError(
      'invalid_data',
      options.remote
        ? 'The answer is not expense lines in Roster’s shape ({ "lines": [...], "next": ... })'
        : 'The body is not expense lines in Roster’s shape ({ "lines": [...] })',
      parsed.error.issues.slice(0, 50).map((issue) => ({
        path: issue.path.map(String).join('.') || '(body)',
        // A remote answer is data: say what was expected, never repeat what the endpoint sent.
        message: issue.message,
      })),
    );
  }
  const offset = options.offset ?? 0;
  const records = parsed.data.lines.map(
    (line, i): SourceRecordInput => ({
      type: 'expense',
      id: line.id === null || line.id === undefined ? null : String(line.id),
      date: line.date,
      amount: line.amount,
      currency: line.currency ?? options.currency ?? '',
      vendor: line.vendor ?? null,
      description: line.description ?? null,
      reportId: line.report_id === null || line.report_id === undefined ? null : String(line.report_id),
      itemType: (line.item_type ?? 'line') as 'main' | 'line',
      account: line.account ?? null,
      employeeEmail: line.employee_email ?? null,
      ref: `lines[${offset + i}]`,
    }),
  );
  return { records, next: parsed.data.next ?? null };
}
