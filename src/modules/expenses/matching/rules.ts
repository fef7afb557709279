import { RE2JS } from 're2js';
import { invalidInput } from '../../../lib/errors.js';

export type RuleAction = 'match' | 'ignore';
export type RuleField = 'vendor' | 'description';
export type RuleOp = 'contains' | 'equals' | 'regex';

export interface RuleDefinition {
  id: number;
  action: RuleAction;
  appId: number | null;
  field: RuleField;
  op: RuleOp;
  value: string;
  priority: number;
}

export interface DescriptorText {
  vendor: string;
  description: string;
}

/** Case and runs of spaces never decide a rule: statements print the same merchant in both cases. */
const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toUpperCase();

/**
 * A regular expression through RE2 (linear time whatever the pattern: an admin's pattern cannot hang a
 * run), matched anywhere in the field, case-insensitively. A pattern RE2 refuses (back-references,
 * look-arounds, a syntax error) is refused here, naming the field.
 */
export function compileRegex(value: string, field = 'value'): RE2JS {
  try {
    return RE2JS.compile(value, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidInput(`The rule's regular expression is not valid: ${reason}`, [
      { field, message: `not a regular expression Roster can run (RE2 syntax): ${reason}` },
    ]);
  }
}

/** A rule as a test over a descriptor's raw vendor and description. */
export function compileRule(
  rule: Pick<RuleDefinition, 'field' | 'op' | 'value'>,
): (d: DescriptorText) => boolean {
  const pick = (d: DescriptorText) => (rule.field === 'vendor' ? d.vendor : d.description);
  if (rule.op === 'regex') {
    const pattern = compileRegex(rule.value);
    return (d) => pattern.matcher(pick(d)).find();
  }
  const wanted = fold(rule.value);
  if (rule.op === 'equals') return (d) => fold(pick(d)) === wanted;
  return (d) => fold(pick(d)).includes(wanted);
}

export interface CompiledRules {
  /** The first rule, in priority order (lower first, then older), that the descriptor meets. */
  first(d: DescriptorText): RuleDefinition | null;
}

export const byPriority = (a: RuleDefinition, b: RuleDefinition) => a.priority - b.priority || a.id - b.id;

export function compileRules(rules: readonly RuleDefinition[]): CompiledRules {
  const ordered = [...rules].sort(byPriority).map((rule) => ({ rule, test: compileRule(rule) }));
  return {
    first(d) {
      for (const { rule, test } of ordered) if (test(d)) return rule;
      return null;
    },
  };
}
