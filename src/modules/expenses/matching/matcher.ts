import { fieldSeparator, normaliseText } from './normalise.js';
import { otherMerchants } from './other-merchants.js';
import { TokenTrie } from './token-trie.js';

/** An app a descriptor can match: a catalog entry (with the organisation's app when it has one) or a custom app. */
export interface MatchApp {
  key: string;
  catalogId: string | null;
  appId: number | null;
  name: string;
}

/** Where an alias comes from. A vendor name is weaker than a name, alias or domain of the same length. */
export type AliasKind = 'alias' | 'name' | 'domain' | 'vendor' | 'other-merchant';

export interface CatalogAppInput {
  id: string;
  name: string;
  vendor: string;
  domains: readonly string[];
  expenseAliases: readonly string[];
}

export interface OrgAppInput {
  id: number;
  name: string;
  catalogId: string | null;
}

export type AutomaticMatch =
  | { kind: 'matched'; app: MatchApp; alias: string; via: AliasKind }
  /** `tied`: apps the descriptor names equally (left unmatched); `otherMerchant`: a longer name that is not an app. */
  | { kind: 'unmatched'; tied: { app: MatchApp; alias: string }[]; otherMerchant?: string };

interface IndexedAlias {
  app: MatchApp | null;
  alias: string;
  kind: AliasKind;
}

export const words = (normalised: string): string[] => (normalised === '' ? [] : normalised.split(' '));

const strength = (kind: AliasKind) => (kind === 'vendor' ? 0 : 1);

export interface Matcher {
  readonly apps: readonly MatchApp[];
  match(normalisedDescriptor: string): AutomaticMatch;
}

/**
 * The index of every name, vendor, domain and expense alias of the catalog and of the organisation's own
 * apps, built once per run. A descriptor matches the alias with the most words (the most specific); at
 * equal length a name, alias or domain beats a vendor (Atlassian sells several apps). Two apps named
 * equally leave the descriptor unmatched with both. The vendor field is read first; the description only
 * when the vendor names nothing.
 */
export function buildMatcher(
  catalog: readonly CatalogAppInput[],
  orgApps: readonly OrgAppInput[],
  extraOtherMerchants: readonly string[] = [],
): Matcher {
  const trie = new TokenTrie<IndexedAlias>();
  const byCatalog = new Map<string, MatchApp>();
  const apps: MatchApp[] = [];
  const add = (text: string, entry: IndexedAlias) => trie.add(words(normaliseText(text)), entry);

  for (const entry of catalog) {
    const app: MatchApp = { key: `catalog:${entry.id}`, catalogId: entry.id, appId: null, name: entry.name };
    byCatalog.set(entry.id, app);
    apps.push(app);
  }
  const byName = new Map(catalog.map((e) => [e.name.toLowerCase(), byCatalog.get(e.id) as MatchApp]));
  for (const org of orgApps) {
    // An app created by hand under a catalog app's name is that app (syncs link them the same way).
    const linked = org.catalogId ? byCatalog.get(org.catalogId) : byName.get(org.name.toLowerCase());
    if (linked) {
      linked.appId = org.id;
      linked.name = org.name;
      add(org.name, { app: linked, alias: org.name, kind: 'name' });
    } else {
      const app: MatchApp = { key: `app:${org.id}`, catalogId: null, appId: org.id, name: org.name };
      apps.push(app);
      add(org.name, { app, alias: org.name, kind: 'name' });
    }
  }
  for (const entry of catalog) {
    const app = byCatalog.get(entry.id) as MatchApp;
    add(entry.name, { app, alias: entry.name, kind: 'name' });
    add(entry.vendor, { app, alias: entry.vendor, kind: 'vendor' });
    for (const domain of entry.domains) add(domain, { app, alias: domain, kind: 'domain' });
    for (const alias of entry.expenseAliases) add(alias, { app, alias, kind: 'alias' });
  }
  for (const name of [...otherMerchants, ...extraOtherMerchants])
    add(name, { app: null, alias: name, kind: 'other-merchant' });

  const matchWords = (descriptorWords: string[]): AutomaticMatch | null => {
    let best: IndexedAlias[] = [];
    let bestScore = -1;
    for (const hit of trie.findAll(descriptorWords)) {
      for (const value of hit.values) {
        const score = hit.length * 2 + strength(value.kind);
        if (score > bestScore) {
          bestScore = score;
          best = [value];
        } else if (score === bestScore) best.push(value);
      }
    }
    if (best.length === 0) return null;
    const other = best.find((b) => b.app === null);
    const byApp = new Map<string, { app: MatchApp; alias: string; via: AliasKind }>();
    for (const b of best)
      if (b.app && !byApp.has(b.app.key)) byApp.set(b.app.key, { app: b.app, alias: b.alias, via: b.kind });
    const found = [...byApp.values()];
    if (other && found.length === 0) return { kind: 'unmatched', tied: [], otherMerchant: other.alias };
    if (found.length === 1 && !other) return { kind: 'matched', ...(found[0] as (typeof found)[0]) };
    return { kind: 'unmatched', tied: found.map(({ app, alias }) => ({ app, alias })) };
  };

  return {
    apps,
    match(normalised) {
      const all = words(normalised);
      const cut = all.indexOf(fieldSeparator);
      const vendorWords = cut === -1 ? all : all.slice(0, cut);
      const descriptionWords = cut === -1 ? [] : all.slice(cut + 1);
      return matchWords(vendorWords) ?? matchWords(descriptionWords) ?? { kind: 'unmatched', tied: [] };
    },
  };
}
