import type { SuggestedRule } from './expense-lines.schemas.js';

/**
 * The Match rule that would catch an unmatched line: its vendor as the statement shows it (descriptors
 * differ by reference numbers in the description far more often than in the vendor), to the closest app
 * when matching suggested one.
 */
export function suggestedRuleFor(
  line: { vendor: string; description: string },
  closestApp: string | null,
): SuggestedRule {
  const vendor = line.vendor.trim();
  if (vendor) return { action: 'match', app: closestApp, field: 'vendor', op: 'equals', value: vendor };
  return {
    action: 'match',
    app: closestApp,
    field: 'description',
    op: 'contains',
    value: line.description.trim(),
  };
}

/** The command an admin runs to add the rule. */
export function suggestedRuleCommand(rule: SuggestedRule, app: string | null = rule.app): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return `roster expenses rules add --action match --app ${quote(app ?? '<app>')} --field ${rule.field} --op ${rule.op} --value ${quote(rule.value)}`;
}
