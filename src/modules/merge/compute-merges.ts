import { type IgnoredReason, parseAliasValue } from './alias-fields.js';

export type SkipRule = 'employee' | 'multiple_primaries' | 'has_aliases';

export interface AliasCandidate {
  sourceId: number;
  source: string;
  primaryEmail: string;
  field: string;
  value: string;
}

/** Why two emails are one person: which source, which field and the raw value linked them. */
export interface Provenance {
  sourceId: number;
  source: string;
  field: string;
  value: string;
}

export interface ComputedMerge {
  primary: string;
  aliases: { email: string; provenance: Provenance[] }[];
}

export interface MergeComputation {
  merges: ComputedMerge[];
  skipped: { email: string; claimedBy: string[]; rule: SkipRule }[];
  /** Aliases that pass every rule but were never discovered (no source has seen them yet): merged once seen. */
  pending: { email: string; primary: string; waitingFor: 'alias' | 'primary' }[];
  ignored: { primary: string; field: string; value: string; reason: IgnoredReason }[];
}

export interface MergeInput {
  candidates: readonly AliasCandidate[];
  /** Emails Roster knows as users (discovered by at least one source). */
  users: ReadonlySet<string>;
  /** Emails with a record in the employee source of truth: never merged into someone else. */
  employees: ReadonlySet<string>;
  managedDomains: ReadonlySet<string>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const provenanceKey = (p: Provenance) => `${p.sourceId}\u0000${p.field}\u0000${p.value}`;

/**
 * Decides which emails are one person. Pure and deterministic: the same input in any order gives the
 * same result. Rules, in order, for each claimed alias: not an employee; claimed by one primary only;
 * not a primary with aliases of its own (no chains). An alias (or primary) no source has discovered
 * yet waits, and merges on the first sync that discovers it.
 */
export function computeMerges(input: MergeInput): MergeComputation {
  const ignored: MergeComputation['ignored'] = [];
  // alias → primary → provenance
  const claims = new Map<string, Map<string, Provenance[]>>();
  for (const c of input.candidates) {
    const primary = c.primaryEmail;
    const parsed = parseAliasValue(c.field, c.value, primary, input.managedDomains);
    if ('ignored' in parsed) {
      ignored.push({ primary, field: c.field, value: c.value, reason: parsed.ignored });
      continue;
    }
    const byPrimary = claims.get(parsed.email) ?? new Map<string, Provenance[]>();
    claims.set(parsed.email, byPrimary);
    const list = byPrimary.get(primary) ?? [];
    byPrimary.set(primary, list);
    const provenance = { sourceId: c.sourceId, source: c.source, field: c.field, value: c.value };
    if (!list.some((p) => provenanceKey(p) === provenanceKey(provenance))) list.push(provenance);
  }
  const primaries = new Set<string>();
  for (const byPrimary of claims.values()) for (const primary of byPrimary.keys()) primaries.add(primary);

  const skipped: MergeComputation['skipped'] = [];
  const pending: MergeComputation['pending'] = [];
  const merged = new Map<string, ComputedMerge['aliases']>();
  for (const alias of [...claims.keys()].sort(byText)) {
    const byPrimary = claims.get(alias)!;
    const claimedBy = [...byPrimary.keys()].sort(byText);
    const rule: SkipRule | null = input.employees.has(alias)
      ? 'employee'
      : claimedBy.length > 1
        ? 'multiple_primaries'
        : primaries.has(alias)
          ? 'has_aliases'
          : null;
    if (rule) {
      skipped.push({ email: alias, claimedBy, rule });
      continue;
    }
    const primary = claimedBy[0]!;
    if (!input.users.has(alias) || !input.users.has(primary)) {
      pending.push({ email: alias, primary, waitingFor: input.users.has(alias) ? 'primary' : 'alias' });
      continue;
    }
    const provenance = byPrimary.get(primary)!.sort((a, b) => byText(provenanceKey(a), provenanceKey(b)));
    merged.set(primary, [...(merged.get(primary) ?? []), { email: alias, provenance }]);
  }
  const merges = [...merged.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([primary, aliases]) => ({ primary, aliases }));
  ignored.sort((a, b) => byText(`${a.primary} ${a.field} ${a.value}`, `${b.primary} ${b.field} ${b.value}`));
  return { merges, skipped, pending, ignored };
}
