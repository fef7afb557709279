import { z } from 'zod';

const money = z.number().describe("decimal, in the organisation's currency");

export const annualisedFromSchema = z.enum(['trailing-12-months', 'extrapolated']);

export const appSpendSchema = z
  .object({
    appId: z.number(),
    app: z.string(),
    total: money,
    lines: z.number().describe('matched lines, converted or not'),
    annualised: money.nullable(),
    annualisedFrom: annualisedFromSchema.nullable(),
    licenseCost: money.nullable().describe('yearly cost of the assigned licenses with a known price'),
  })
  .meta({ id: 'ExpenseAppSpend' });

export const coveredPeriodSchema = z.object({ from: z.string(), to: z.string(), days: z.number() });

export const expenseSummarySchema = z
  .object({
    currency: z.string(),
    total: money.describe('matched + unmatched lines, converted'),
    matched: money,
    unmatched: money,
    ignored: money,
    excluded: money,
    duplicates: money,
    itemised: money,
    unconverted: z.number().describe('lines without a rate to the currency: counted in no total'),
    lines: z.object({
      matched: z.number(),
      unmatched: z.number(),
      ignored: z.number(),
      excluded: z.number(),
      duplicates: z.number(),
      itemised: z.number(),
    }),
    countItems: z.array(
      z.object({ sourceId: z.number(), source: z.string(), countItems: z.enum(['lines', 'main']) }),
    ),
    coveredPeriod: coveredPeriodSchema.nullable(),
    annualised: money.nullable(),
    annualisedFrom: annualisedFromSchema.nullable(),
    annualisedWording: z.string().nullable(),
    matchRate: z.object({
      byCount: z.number().nullable().describe('matched / (matched + unmatched) lines, 0–1'),
      byAmount: z.number().nullable().describe('matched / (matched + unmatched) amount, 0–1'),
    }),
    apps: z.array(appSpendSchema),
  })
  .meta({ id: 'ExpenseSummary' });

export const appSpendDetailSchema = appSpendSchema
  .extend({
    currency: z.string(),
    annualisedWording: z.string().nullable(),
    months: z.array(z.object({ month: z.string(), amount: money, lines: z.number() })),
  })
  .meta({ id: 'ExpenseAppSpendDetail' });

export type ExpenseSummary = z.infer<typeof expenseSummarySchema>;
export type AppSpend = z.infer<typeof appSpendSchema>;
export type AppSpendDetail = z.infer<typeof appSpendDetailSchema>;
