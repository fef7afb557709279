import { z } from 'zod';
import type { MatchApp } from './matcher.js';
import { fieldSeparator, normaliseText } from './normalise.js';

/**
 * One element of an unmatched descriptor's `suggestions` (figures read them): an app it named as much as
 * another (left unmatched), or one of the closest catalog apps by spelling, with why, and the rule that
 * would catch the descriptor for that app (a `contains` on its normalised vendor).
 */
export const suggestedRuleSchema = z.object({
  action: z.literal('match'),
  field: z.literal('vendor'),
  op: z.literal('contains'),
  value: z.string(),
});
export const descriptorSuggestionSchema = z.object({
  catalogId: z.string().nullable(),
  appId: z.number().nullable(),
  name: z.string(),
  reason: z.string(),
  rule: suggestedRuleSchema.nullable(),
});
export type DescriptorSuggestion = z.infer<typeof descriptorSuggestionSchema>;
export const descriptorSuggestionsSchema = z.array(descriptorSuggestionSchema);

/** Trigrams of each word, padded as pg_trgm pads them, so "ACME ANALYTIX" is close to "ACME ANALYTICS". */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(' ')) {
    if (word === '' || word === fieldSeparator) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export interface Similarity {
  closest(normalisedVendor: string, limit: number): { app: MatchApp; score: number; text: string }[];
}

/** Least similarity (shared trigrams over all trigrams, like pg_trgm's default 0.3) for a suggestion. */
export const similarityThreshold = 0.3;

/**
 * An inverted index from trigram to the apps' names and aliases containing it: a descriptor is compared
 * only with the names that share a trigram with it.
 */
export function buildSimilarity(entries: readonly { app: MatchApp; texts: readonly string[] }[]): Similarity {
  const keys: { app: MatchApp; text: string; size: number }[] = [];
  const index = new Map<string, number[]>();
  for (const { app, texts } of entries) {
    for (const raw of texts) {
      const text = normaliseText(raw);
      const grams = trigrams(text);
      if (grams.size === 0) continue;
      const k = keys.push({ app, text, size: grams.size }) - 1;
      for (const g of grams) {
        const list = index.get(g);
        if (list) list.push(k);
        else index.set(g, [k]);
      }
    }
  }
  return {
    closest(normalisedVendor, limit) {
      const grams = trigrams(normalisedVendor);
      const shared = new Map<number, number>();
      for (const g of grams) for (const k of index.get(g) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
      const best = new Map<string, { app: MatchApp; score: number; text: string }>();
      for (const [k, count] of shared) {
        const key = keys[k] as (typeof keys)[0];
        const score = count / (grams.size + key.size - count);
        if (score < similarityThreshold) continue;
        const seen = best.get(key.app.key);
        if (!seen || score > seen.score) best.set(key.app.key, { app: key.app, score, text: key.text });
      }
      return [...best.values()]
        .sort((a, b) => b.score - a.score || a.app.name.localeCompare(b.app.name))
        .slice(0, limit);
    },
  };
}

/** The rule an admin would add to catch this descriptor: its normalised vendor, contained. */
export function suggestedRule(normalised: string): DescriptorSuggestion['rule'] {
  const vendor = normalised.split(` ${fieldSeparator} `)[0] ?? '';
  return vendor === '' ? null : { action: 'match', field: 'vendor', op: 'contains', value: vendor };
}
