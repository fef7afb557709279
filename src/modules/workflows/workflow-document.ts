import { z } from 'zod';
import type { ActionDefinition } from '../../actions/action.js';
import { type InactiveReason, inactiveReasonCodes } from '../licenses/inactive-reasons.js';
import { entityKinds } from './workflow-fields.js';
import { scheduleSchema } from './workflow-schedule.js';

export const operators = [
  'equals',
  'not_equals',
  'contains',
  'in',
  'gt',
  'lt',
  'is_empty',
  'days_since',
] as const;
export type Operator = (typeof operators)[number];

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

export const conditionSchema = z
  .object({
    field: z
      .string()
      .min(1)
      .max(200)
      .meta({ examples: ['person.department', 'account.last_used_at'] }),
    op: z.enum(operators),
    value: z
      .union([
        scalar,
        z
          .array(z.union([z.string().max(1000), z.number()]))
          .min(1)
          .max(1000),
        z.object({ gt: z.number().int().min(0).optional(), lt: z.number().int().min(0).optional() }).strict(),
      ])
      .optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const problem = valueProblem(c.op, c.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type Condition = z.infer<typeof conditionSchema>;

/** What each operator needs as its value; null when the value fits. */
function valueProblem(op: Operator, value: unknown): string | null {
  switch (op) {
    case 'equals':
    case 'not_equals':
      return value === undefined || typeof value === 'object' ? `${op} needs one value` : null;
    case 'contains':
      return typeof value === 'string' ? null : 'contains needs a text value';
    case 'in':
      return Array.isArray(value) ? null : 'in needs a list of values';
    case 'gt':
    case 'lt':
      return typeof value === 'number' || typeof value === 'string' ? null : `${op} needs a number or a date`;
    case 'is_empty':
      return value === undefined || typeof value === 'boolean'
        ? null
        : 'is_empty takes true, false or nothing';
    case 'days_since':
      return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
        ? null
        : 'days_since needs {"gt": days} or {"lt": days}';
  }
}

export type ConditionGroup = { all: ConditionNode[] } | { any: ConditionNode[] };
export type ConditionNode = Condition | ConditionGroup;

// Groups nest: an "all" may hold an "any" and so on. Getters let zod (and its JSON Schema) refer back.
export const groupSchema = z.union([
  z
    .object({
      get all() {
        return z.array(z.union([conditionSchema, groupSchema])).max(200);
      },
    })
    .strict(),
  z
    .object({
      get any() {
        return z.array(z.union([conditionSchema, groupSchema])).max(200);
      },
    })
    .strict(),
]) as z.ZodType<ConditionGroup>;

const entity = z.enum(entityKinds);

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person.became_past') }).strict(),
  z.object({ type: z.literal('offboarding.started') }).strict(),
  z.object({ type: z.literal('offboarding.completed') }).strict(),
  z.object({ type: z.literal('app.discovered') }).strict(),
  z
    .object({
      type: z.literal('license.became_inactive'),
      /** Only licenses that became inactive for one of these reasons; every reason when absent. */
      reasons: z
        .array(z.enum(inactiveReasonCodes as [InactiveReason, ...InactiveReason[]]))
        .min(1)
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('source.needs_attention') }).strict(),
  z.object({ type: z.literal('account.active_after_offboarding') }).strict(),
  z
    .object({
      type: z.literal('schedule'),
      schedule: scheduleSchema,
      /** Fire once per matching entity of this kind at each firing; once with no entity when absent. */
      entity: entity.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('matches'),
      entity,
      /** Evaluated after each sync, and also at these times when given. */
      schedule: scheduleSchema.optional(),
    })
    .strict(),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerType = Trigger['type'];

/** The entity a trigger's events are about, whose fields conditions and templates read. */
export function entityOfTrigger(trigger: Trigger): (typeof entityKinds)[number] | null {
  switch (trigger.type) {
    case 'person.became_past':
    case 'offboarding.started':
    case 'offboarding.completed':
      return 'person';
    case 'app.discovered':
      return 'app';
    case 'license.became_inactive':
      return 'license';
    case 'source.needs_attention':
      return 'source';
    case 'account.active_after_offboarding':
      return 'account';
    case 'schedule':
      return trigger.entity ?? null;
    case 'matches':
      return trigger.entity;
  }
}

/** How a secret setting (a webhook's `secret`) reads in a document once Roster keeps it sealed. */
export const keptSecret = '(kept)';

const actionId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _, starting with a letter');

/**
 * The workflow document for the given actions: each action is `{ id?, type, …its settings }`, so an
 * error in a setting is named by its path (`actions[1].url`).
 */
export function workflowDocumentSchema(actions: readonly ActionDefinition[]) {
  const actionSchemas = actions.map((definition) => {
    const settings = definition.settings instanceof z.ZodObject ? definition.settings : z.object({});
    // A saved secret setting reads `(kept)` in an exported document; saving it back keeps the sealed value.
    const secret = (settings.shape as Record<string, z.ZodType | undefined>).secret;
    return settings
      .extend({
        id: actionId.optional(),
        type: z.literal(definition.type),
        ...(secret ? { secret: z.union([z.literal(keptSecret), secret]) } : {}),
      })
      .strict();
  });
  const action =
    actionSchemas.length > 0
      ? z.discriminatedUnion('type', actionSchemas as [(typeof actionSchemas)[0], ...typeof actionSchemas])
      : z.never();
  return z
    .object({
      $schema: z.string().optional(),
      name: z.string().trim().min(1).max(200),
      /** Set by Roster at each save; an update naming an older version is refused (someone saved since). */
      version: z.number().int().min(1).optional(),
      enabled: z.boolean().default(false),
      mode: z.enum(['new_matches', 'every_match']).default('new_matches'),
      trigger: triggerSchema,
      conditions: groupSchema.default({ all: [] }),
      actions: z.array(action).min(1).max(50),
    })
    .strict();
}

export type WorkflowAction = { id?: string; type: string; [setting: string]: unknown };
export interface WorkflowDocument {
  name: string;
  version?: number;
  enabled: boolean;
  mode: 'new_matches' | 'every_match';
  trigger: Trigger;
  conditions: ConditionGroup;
  actions: WorkflowAction[];
}

/** `['actions', 1, 'url']` → `actions[1].url`, the way an admin reads a path in their file. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** The id an action's output goes by: its own, else its position (`a1`, `a2`, …). */
export const actionIdOf = (action: WorkflowAction, index: number) => action.id ?? `a${index + 1}`;

/**
 * What an action's own settings schema parses from a document's action: without the document's `id`,
 * and without its `type` unless the schema names it (the external actions' schemas carry their `type`
 * literal, the internal ones do not). A sealed secret, opened for the run, replaces `(kept)`.
 */
export function settingsInput(
  definition: ActionDefinition,
  action: WorkflowAction,
  secret?: string,
): Record<string, unknown> {
  const { id: _id, type, ...rest } = action;
  const shape = definition.settings instanceof z.ZodObject ? definition.settings.shape : {};
  return {
    ...('type' in shape ? { type } : {}),
    ...rest,
    ...(secret !== undefined ? { secret } : {}),
  };
}
