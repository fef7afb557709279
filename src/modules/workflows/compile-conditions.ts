import { type RawBuilder, sql } from 'kysely';
import { likePattern } from '../../lib/cursor.js';
import type { ErrorDetail } from '../../lib/errors.js';
import type { Condition, ConditionGroup, ConditionNode } from './workflow-document.js';
import {
  type EntityKind,
  type FieldDefinition,
  type FieldGroup,
  findField,
  groupOf,
  type KnownExtraFields,
  readableGroups,
} from './workflow-fields.js';

const isGroup = (node: ConditionNode): node is ConditionGroup => 'all' in node || 'any' in node;
const childrenOf = (group: ConditionGroup) => ('all' in group ? group.all : group.any);

/**
 * Checks every condition against the fields a workflow firing for `kind` can read, and each operator
 * against its field's type. Paths name the condition as the document does (`conditions.all[1].any[0].op`).
 */
export function checkConditions(
  group: ConditionGroup,
  kind: EntityKind | null,
  extraFields: ReadonlySet<string>,
  path = 'conditions',
): ErrorDetail[] {
  const key = 'all' in group ? 'all' : 'any';
  return childrenOf(group).flatMap((node, i) => {
    const here = `${path}.${key}[${i}]`;
    if (isGroup(node)) return checkConditions(node, kind, extraFields, here);
    const field = findField(node.field, extraFields);
    if (!field) return [{ path: `${here}.field`, message: `unknown field ${node.field}` }];
    if (!kind || !readableGroups[kind].includes(groupOf(field.name)))
      return [
        {
          path: `${here}.field`,
          message: kind
            ? `a workflow about a ${kind} cannot read ${field.name}`
            : 'this trigger has no entity: give the schedule an entity to use conditions',
        },
      ];
    const problem = operatorProblem(node, field);
    return problem ? [{ path: `${here}.op`, message: problem }] : [];
  });
}

function operatorProblem(condition: Condition, field: FieldDefinition): string | null {
  const { op, value } = condition;
  if (op === 'days_since' && field.type !== 'date')
    return `days_since needs a date field; ${field.name} is ${field.type}`;
  if (op === 'contains' && field.type !== 'text')
    return `contains needs a text field; ${field.name} is ${field.type}`;
  if ((op === 'gt' || op === 'lt') && field.type === 'date' && (typeof value !== 'string' || !isDate(value)))
    return `${op} on ${field.name} needs a date (YYYY-MM-DD)`;
  if ((op === 'gt' || op === 'lt') && field.type === 'number' && typeof value !== 'number')
    return `${op} on ${field.name} needs a number`;
  if ((op === 'equals' || op === 'not_equals') && field.type === 'number' && typeof value !== 'number')
    return `${op} on ${field.name} needs a number`;
  if (
    (op === 'equals' || op === 'not_equals') &&
    field.type === 'date' &&
    (typeof value !== 'string' || !isDate(value))
  )
    return `${op} on ${field.name} needs a date (YYYY-MM-DD)`;
  return null;
}

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text));

export interface CompiledConditions {
  /** A boolean SQL expression; every value from the document is a parameter, never SQL text. */
  where: RawBuilder<unknown>;
  /** The entities whose tables the expression reads, so the query joins only those. */
  groups: Set<FieldGroup>;
}

/** Compiles checked conditions (see `checkConditions`) to SQL over the aliases of `entity-query.ts`. */
export function compileConditions(
  group: ConditionGroup,
  extraFields: KnownExtraFields,
  now: Date,
): CompiledConditions {
  const groups = new Set<FieldGroup>();
  const compileNode = (node: ConditionNode): RawBuilder<unknown> => {
    if (isGroup(node)) {
      const parts = childrenOf(node).map(compileNode);
      if ('all' in node) return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
      return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
    }
    const field = findField(node.field, extraFields);
    if (!field) throw new Error(`unchecked condition on ${node.field}`);
    groups.add(groupOf(field.name));
    return compileCondition(node, field, now);
  };
  return { where: compileNode(group), groups };
}

function compileCondition(condition: Condition, field: FieldDefinition, now: Date): RawBuilder<unknown> {
  const value = condition.value;
  const expr = field.sql;
  switch (condition.op) {
    case 'equals':
      return sql`(${typed(expr, field, value)} = ${param(field, value)})`;
    case 'not_equals':
      return sql`(${typed(expr, field, value)} is distinct from ${param(field, value)})`;
    case 'contains':
      return sql`(${expr} ilike ${likePattern(String(value))})`;
    case 'in': {
      const list = (value as (string | number)[]).map(String);
      return field.type === 'number'
        ? sql`(${expr} = any (${list}::numeric[]))`
        : sql`(${expr}::text = any (${list}::text[]))`;
    }
    case 'gt':
      return sql`(${typed(expr, field, value)} > ${param(field, value)})`;
    case 'lt':
      return sql`(${typed(expr, field, value)} < ${param(field, value)})`;
    case 'is_empty': {
      const empty = sql`(${expr} is null or ${expr}::text = '')`;
      return value === false ? sql`(not ${empty})` : empty;
    }
    case 'days_since': {
      // "More than n days since" is "before now − n days": the column stays bare, so an index can serve it.
      const { gt, lt } = value as { gt?: number; lt?: number };
      const parts: RawBuilder<unknown>[] = [];
      if (gt !== undefined)
        parts.push(sql`${expr} < ${now}::timestamptz - make_interval(days => ${gt}::int)`);
      if (lt !== undefined)
        parts.push(sql`${expr} > ${now}::timestamptz - make_interval(days => ${lt}::int)`);
      return sql`(${sql.join(parts, sql` and `)})`;
    }
  }
}

/**
 * The field as the comparison needs it. An extra HR field is text: compared with a number it is read as a
 * number only when it looks like one, so "n/a" does not fail the whole query.
 */
function typed(expr: RawBuilder<unknown>, field: FieldDefinition, value: unknown): RawBuilder<unknown> {
  if (field.type === 'text' && typeof value === 'number')
    return sql`(case when ${expr} ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' then (${expr})::numeric end)`;
  return expr;
}

function param(field: FieldDefinition, value: unknown): RawBuilder<unknown> {
  if (typeof value === 'number') return sql`${value}::numeric`;
  if (field.type === 'date') return sql`${String(value)}::timestamptz`;
  return sql`${String(value)}::text`;
}
