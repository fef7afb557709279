import { z } from 'zod';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { expenseLinesFromJson } from '../kit/expense-json.js';
import { expenseSourceSettings } from '../kit/expense-settings.js';

const configSchema = z.strictObject({ ...expenseSourceSettings });

/** Expense lines a finance system pushes as JSON (POST /api/expenses/lines); each push adds lines, never removes. */
export const expensePushSourceKind = defineSourceKind({
  kind: 'expense-push',
  title: 'Expense lines (push)',
  description: 'Card, expense-report and accounts-payable lines pushed as JSON by a finance system.',
  capabilities: capabilities(['expenses']),
  mode: 'push',
  configSchema,
  async *fetch({ config, input }) {
    if (input === undefined) throw new ConnectorError('invalid_data', 'No lines were given');
    const { records } = expenseLinesFromJson(input, { currency: config.currency });
    yield { records, progress: { done: records.length, total: records.length } };
  },
});
