import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { readCatalog } from './catalog.js';

describe('the shipped catalog', () => {
  const entries = readCatalog();

  it('holds at least 300 apps with unique ids and names', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.name.toLowerCase())).size).toBe(entries.length);
  });

  it('lists registrable (public-suffix checked) domains, each for one app', () => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      for (const domain of entry.domains) {
        const parsed = parse(domain);
        expect(parsed.domain, `${entry.id}: ${domain}`).toBe(domain);
        expect(parsed.isIcann, `${entry.id}: ${domain}`).toBe(true);
        expect(seen.get(domain), `${domain} in ${entry.id} and ${seen.get(domain)}`).toBeUndefined();
        seen.set(domain, entry.id);
      }
    }
  });

  it('gives each expense alias to one app', () => {
    const aliases = entries.flatMap((e) => e.expenseAliases.map((a) => a.toUpperCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
