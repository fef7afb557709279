import { z } from 'zod';

/** A rule as an admin writes it (CLI, API and console). */
export const ruleInputSchema = z.strictObject({
  action: z.enum(['match', 'ignore']),
  /** The app a Match rule gives its lines: name or id. */
  app: z.string().min(1).max(200).optional(),
  field: z.enum(['vendor', 'description']),
  op: z.enum(['contains', 'equals', 'regex']),
  value: z.string().min(1).max(500),
  /** Lower runs first; after every existing rule when left out. */
  priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const ruleSchema = z
  .object({
    id: z.number(),
    action: z.enum(['match', 'ignore']),
    appId: z.number().nullable(),
    app: z.string().nullable(),
    field: z.enum(['vendor', 'description']),
    op: z.enum(['contains', 'equals', 'regex']),
    value: z.string(),
    priority: z.number(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** Lines this rule decides today (not set by hand) and their amount in the organisation's currency. */
    lines: z.number(),
    amount: z.number(),
  })
  .meta({ id: 'ExpenseRule' });
export type RuleView = z.infer<typeof ruleSchema>;

const totalsSchema = z.object({ lines: z.number(), amount: z.number() });
const outcomeTotalsSchema = z.object({
  matched: totalsSchema,
  ignored: totalsSchema,
  unmatched: totalsSchema,
});

/** Where the lines a rule takes were going before it. */
export const takenSchema = z.object({
  from: z.enum(['rule', 'automatic', 'unmatched']),
  ruleId: z.number().nullable(),
  alias: z.string().nullable(),
  app: z.string().nullable(),
  ignored: z.boolean(),
  lines: z.number(),
  amount: z.number(),
  examples: z.array(z.string()),
});

export const ruleTestSchema = z
  .object({
    /** The rule tested: an existing one (`id`) or the one given. */
    rule: z.object({
      id: z.number().nullable(),
      action: z.enum(['match', 'ignore']),
      app: z.string().nullable(),
      field: z.enum(['vendor', 'description']),
      op: z.enum(['contains', 'equals', 'regex']),
      value: z.string(),
      priority: z.number(),
    }),
    /** Lines the rule's condition holds for, and those it decides (no earlier rule takes them). */
    meets: totalsSchema,
    decides: totalsSchema,
    /** Every line of the history (set by hand, excluded and itemised lines apart): without the rule, with it. */
    before: outcomeTotalsSchema,
    after: outcomeTotalsSchema,
    /** The lines whose outcome the rule changes, by what decided them before. */
    takes: z.array(takenSchema),
    /** The lines the rule decides, biggest descriptors first (a sample). */
    examples: z.array(
      z.object({ vendor: z.string(), description: z.string(), lines: z.number(), amount: z.number() }),
    ),
  })
  .meta({ id: 'ExpenseRuleTest' });
export type RuleTest = z.infer<typeof ruleTestSchema>;

export const lineAppSchema = z
  .object({
    id: z.number(),
    appId: z.number().nullable(),
    app: z.string().nullable(),
    manualAppId: z.number().nullable(),
    manualBy: z.string().nullable(),
    status: z.string(),
  })
  .meta({ id: 'ExpenseLineApp' });
export type LineAppView = z.infer<typeof lineAppSchema>;
