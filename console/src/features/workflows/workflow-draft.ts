/**
 * The workflow document as the builder edits it: the same JSON the API saves and exports, changed by
 * small pure steps (so the form and the JSON view always show one document).
 */
export interface Condition {
  field: string;
  op: string;
  value?: unknown;
}
export type Group = { all: Node[] } | { any: Node[] };
export type Node = Condition | Group;
export interface WorkflowAction {
  type: string;
  id?: string;
  [setting: string]: unknown;
}
export interface WorkflowDraft {
  name: string;
  enabled?: boolean;
  version?: number;
  mode: string;
  trigger: { type: string; [setting: string]: unknown };
  conditions: Group;
  actions: WorkflowAction[];
  [other: string]: unknown;
}

export const emptyDraft = (): WorkflowDraft => ({
  name: '',
  enabled: false,
  mode: 'new_matches',
  trigger: { type: 'matches', entity: 'person' },
  conditions: { all: [] },
  actions: [],
});

export const isGroup = (node: Node): node is Group => 'all' in node || 'any' in node;
export const joinOf = (group: Group): 'all' | 'any' => ('all' in group ? 'all' : 'any');
export const childrenOf = (group: Group): Node[] => ('all' in group ? group.all : group.any);
const withChildren = (group: Group, children: Node[]): Group =>
  joinOf(group) === 'all' ? { all: children } : { any: children };

/** The same conditions joined the other way (AND ↔ OR). */
export const switchJoin = (group: Group): Group =>
  joinOf(group) === 'all' ? { any: childrenOf(group) } : { all: childrenOf(group) };

export const addChild = (group: Group, child: Node): Group =>
  withChildren(group, [...childrenOf(group), child]);

export const replaceChild = (group: Group, index: number, child: Node): Group =>
  withChildren(
    group,
    childrenOf(group).map((c, i) => (i === index ? child : c)),
  );

export const removeChild = (group: Group, index: number): Group =>
  withChildren(
    group,
    childrenOf(group).filter((_, i) => i !== index),
  );

/** Moves one item up (-1) or down (+1); the list is unchanged at its ends. */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** The entity kind whose fields a trigger's conditions read (mirrors the server's entityOfTrigger). */
export function entityOfTrigger(trigger: WorkflowDraft['trigger']): string | null {
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
    default:
      return typeof trigger.entity === 'string' ? trigger.entity : null;
  }
}

/**
 * The value a condition's operator takes, from what was typed: a list for `in`, `{gt|lt: days}` for
 * `days_since`, a boolean or nothing for `is_empty`, a number when the field is a number.
 */
export function valueFor(op: string, fieldType: string | undefined, typed: unknown): unknown {
  if (op === 'is_empty') return typeof typed === 'boolean' ? typed : undefined;
  if (op === 'in') return Array.isArray(typed) ? typed : [];
  if (op === 'days_since')
    return typed && typeof typed === 'object' && !Array.isArray(typed) ? typed : { gt: 30 };
  const text = typeof typed === 'string' || typeof typed === 'number' ? String(typed) : '';
  if (fieldType === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** Parses pasted JSON into a document; the message names what is wrong. */
export function parseDocument(text: string): { draft: WorkflowDraft } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { error: 'The document must be a JSON object' };
  const doc = parsed as Partial<WorkflowDraft>;
  if (!doc.trigger || typeof doc.trigger !== 'object' || typeof doc.trigger.type !== 'string')
    return { error: 'trigger: needs an object with a type' };
  if (!Array.isArray(doc.actions)) return { error: 'actions: needs a list' };
  const conditions = doc.conditions ?? { all: [] };
  if (!isGroup(conditions as Node)) return { error: 'conditions: needs {"all": […]} or {"any": […]}' };
  return {
    draft: {
      ...doc,
      name: typeof doc.name === 'string' ? doc.name : '',
      mode: typeof doc.mode === 'string' ? doc.mode : 'new_matches',
      trigger: doc.trigger,
      conditions: conditions as Group,
      actions: doc.actions,
    },
  };
}
