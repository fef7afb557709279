import { z } from 'zod';

export const expenseStatuses = [
  'matched',
  'unmatched',
  'ignored',
  'duplicate',
  'excluded',
  'itemised',
] as const;

export const suggestionSchema = z.object({
  catalogId: z.string().optional(),
  name: z.string(),
  reason: z.string().optional(),
});

export const suggestedRuleSchema = z
  .object({
    action: z.literal('match'),
    app: z.string().nullable().describe('the closest app, when matching suggests one'),
    field: z.enum(['vendor', 'description']),
    op: z.enum(['contains', 'equals', 'regex']),
    value: z.string(),
  })
  .meta({ id: 'ExpenseSuggestedRule' });

export const expenseLineSchema = z
  .object({
    id: z.number(),
    date: z.string(),
    amount: z.number(),
    currency: z.string(),
    amountConverted: z.number().nullable().describe("in the organisation's currency; null: no rate"),
    vendor: z.string(),
    description: z.string(),
    source: z.string(),
    account: z.string(),
    reportId: z.string().nullable(),
    itemType: z.enum(['main', 'line']),
    employeeEmail: z.string().nullable(),
    status: z.enum(expenseStatuses),
    app: z.string().nullable(),
    matchedBy: z.enum(['rule', 'automatic', 'manual']).nullable(),
    ruleId: z.number().nullable(),
    alias: z.string().nullable(),
    duplicateOf: z.number().nullable(),
    suggestions: z.array(suggestionSchema),
    suggestedRule: suggestedRuleSchema.nullable(),
  })
  .meta({ id: 'ExpenseLine' });

export type ExpenseLine = z.infer<typeof expenseLineSchema>;
export type ExpenseStatus = (typeof expenseStatuses)[number];
export type SuggestedRule = z.infer<typeof suggestedRuleSchema>;

export const expenseCsvColumns = [
  'id',
  'date',
  'amount',
  'currency',
  'amountConverted',
  'vendor',
  'description',
  'source',
  'account',
  'reportId',
  'itemType',
  'employeeEmail',
  'status',
  'app',
  'matchedBy',
  'ruleId',
  'alias',
  'duplicateOf',
] as const;
