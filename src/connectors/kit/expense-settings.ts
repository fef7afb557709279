import { z } from 'zod';
import { currencyCode } from './records.js';

/** The settings every source of expense lines has: how its reports count, and its lines' default currency. */
export const expenseSourceSettings = {
  countItems: z.enum(['lines', 'main']).default('lines').meta({
    title: 'Count items',
    description:
      'An expense report’s main item and its line items are never both counted: lines counts the line items (a report without any counts its main item), main the reverse.',
  }),
  currency: currencyCode.optional().meta({
    title: 'Currency',
    description:
      'The currency of lines that name none (an export without a currency column, such as a card billed in one currency).',
    examples: ['USD'],
  }),
};
