import type { MatchApp, Matcher } from './matcher.js';
import type { CompiledRules, DescriptorText } from './rules.js';
import { type DescriptorSuggestion, type Similarity, suggestedRule } from './suggestions.js';

/** What matching decided for one descriptor. */
export interface DescriptorDecision {
  /** The app matched: a rule's app, or the automatic match (whose catalog app the organisation may not have yet). */
  app: MatchApp | null;
  matchKind: 'rule' | 'automatic' | null;
  ruleId: number | null;
  alias: string | null;
  ignored: boolean;
  suggestions: DescriptorSuggestion[];
}

const closestApps = 3;

/**
 * Rules first, in priority order (a Match rule names the app; an Ignore rule drops the descriptor), then
 * automatic matching; an unmatched descriptor gets the apps it named equally, else the closest catalog apps
 * by spelling, each with the rule that would catch it.
 */
export function decideDescriptor(
  descriptor: DescriptorText & { normalised: string },
  rules: CompiledRules,
  matcher: Matcher,
  similarity: Similarity,
): DescriptorDecision {
  const rule = rules.first(descriptor);
  if (rule) {
    const app: MatchApp | null =
      rule.action === 'match' && rule.appId !== null
        ? { key: `app:${rule.appId}`, catalogId: null, appId: rule.appId, name: '' }
        : null;
    return {
      app,
      matchKind: 'rule',
      ruleId: rule.id,
      alias: null,
      ignored: rule.action === 'ignore',
      suggestions: [],
    };
  }
  const found = matcher.match(descriptor.normalised);
  if (found.kind === 'matched')
    return {
      app: found.app,
      matchKind: 'automatic',
      ruleId: null,
      alias: found.alias,
      ignored: false,
      suggestions: [],
    };
  const wouldCatch = suggestedRule(descriptor.normalised);
  const toSuggestion = (app: MatchApp, reason: string): DescriptorSuggestion => ({
    catalogId: app.catalogId,
    appId: app.appId,
    name: app.name,
    reason,
    rule: wouldCatch,
  });
  let suggestions: DescriptorSuggestion[];
  if (found.tied.length > 0) {
    const names = found.tied.map((t) => `"${t.alias}"`).join(', ');
    suggestions = found.tied.map((t) =>
      toSuggestion(t.app, `names "${t.alias}" as much as other apps (${names})`),
    );
  } else if (found.otherMerchant) {
    suggestions = [];
  } else {
    const vendor = wouldCatch?.value ?? '';
    suggestions = similarity
      .closest(vendor, closestApps)
      .map((c) => toSuggestion(c.app, `spelled like "${c.text}" (similarity ${c.score.toFixed(2)})`));
  }
  return { app: null, matchKind: null, ruleId: null, alias: null, ignored: false, suggestions };
}
