import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AutomaticMatch, buildMatcher, type CatalogAppInput } from './matcher.js';
import { normaliseDescriptor } from './normalise.js';

const entry = (id: string, name: string, aliases: string[] = [], vendor = name): CatalogAppInput => ({
  id,
  name,
  vendor,
  domains: [`${id}.example`],
  expenseAliases: aliases,
});

const base: CatalogAppInput[] = [
  entry('box', 'Box', ['BOX.COM', 'BOX INC']),
  entry('dropbox', 'Dropbox', ['DROPBOX', 'DROPBOX INC']),
  entry('notion', 'Notion', ['NOTION LABS'], 'Notion Labs'),
  entry('slack', 'Slack', ['SLACK TECHNOLOGIES'], 'Salesforce'),
  entry('salesforce', 'Salesforce', ['SALESFORCE.COM']),
  entry('jira', 'Jira', ['ATLASSIAN JIRA'], 'Atlassian'),
  entry('confluence', 'Confluence', ['ATLASSIAN CONFLUENCE'], 'Atlassian'),
];

const matchedId = (m: AutomaticMatch) => (m.kind === 'matched' ? m.app.catalogId : null);
const matchOf = (catalog: CatalogAppInput[], vendor: string, description = '') =>
  buildMatcher(catalog, []).match(normaliseDescriptor(vendor, description));

/**
 * Upper-case words that are not any test app's name, alias or vendor, and that normalising keeps wherever they stand
 * (a place code such as "AUS" or a company form such as "CORP" at the end of a descriptor is removed, so names nothing).
 */
const word = fc
  .stringMatching(/^[A-Z]{3,8}$/)
  .filter(
    (w) =>
      !/BOX|NOTION|SLACK|SALESFORCE|JIRA|ATLASSIAN|CONFLUENCE|LABS|COM|INC|TECHNOLOGIES|EXAMPLE|APP|ONE|TWO/.test(
        w,
      ) && normaliseDescriptor(`ZQXJ ${w}`, '') === `ZQXJ ${w}`,
  );

describe('automatic matching', () => {
  it('matches on word boundaries: "Box" never matches "Dropbox"', () => {
    expect(matchedId(matchOf(base, 'DROPBOX*ABC123XYZ 888-555-0100 CA'))).toBe('dropbox');
    expect(matchedId(matchOf(base, 'BOX.COM 877-729-4269 CA'))).toBe('box');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 3 }), fc.array(word, { maxLength: 3 }), (before, after) => {
        const m = matchOf(base, [...before, 'DROPBOX', ...after].join(' '));
        expect(matchedId(m)).toBe('dropbox');
      }),
    );
  });

  it('prefers the longer, more specific name: "Notion Capital" is not Notion', () => {
    expect(matchedId(matchOf(base, 'NOTION LABS INC'))).toBe('notion');
    const capital = matchOf(base, 'NOTION CAPITAL LLP LONDON GB');
    expect(capital).toEqual({ kind: 'unmatched', tied: [], otherMerchant: 'NOTION CAPITAL' });
  });

  it('a longer specific alias always beats its own beginning or end', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean(), (extra, atEnd) => {
        const short = 'ZETAQ';
        const long = (atEnd ? [...extra, short] : [short, ...extra]).join(' ');
        const catalog = [
          ...base,
          entry('short', 'Zetaq Short', [short]),
          entry('long', 'Zetaq Long', [long]),
        ];
        expect(matchedId(matchOf(catalog, `SQ *${long} 415-555-0100 CA`))).toBe('long');
        expect(matchedId(matchOf(catalog, `${short} 415-555-0100 CA`))).toBe('short');
      }),
    );
  });

  it('adding an unrelated alias never changes an existing match', () => {
    const descriptors = [
      'DROPBOX INC',
      'BOX.COM',
      'SLACK T0123ABCD',
      'ATLASSIAN JIRA',
      'NOTION LABS',
      'SQ *GROCER',
    ];
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...descriptors),
        (alias, d) => {
          // Unrelated: none of its words is one of the descriptor's.
          fc.pre(!alias.some((w) => normaliseDescriptor(d, '').split(' ').includes(w)));
          const before = matchOf(base, d);
          const after = matchOf([...base, entry('added', 'Added App', [alias.join(' ')], 'Added Vendor')], d);
          expect(after).toEqual(before);
        },
      ),
    );
  });

  it('leaves a descriptor naming two apps equally unmatched, with both suggested', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 2 }), (shared, noise) => {
        const catalog = [...base, entry('one', 'App One', [shared]), entry('two', 'App Two', [shared])];
        const m = matchOf(catalog, [...noise, shared].join(' '));
        expect(m.kind).toBe('unmatched');
        const tied = m.kind === 'unmatched' ? m.tied.map((t) => t.app.catalogId).sort() : [];
        expect(tied).toEqual(['one', 'two']);
      }),
    );
    const both = matchOf(base, 'SLACK DROPBOX');
    expect(both.kind === 'unmatched' && both.tied.map((t) => t.app.catalogId).sort()).toEqual([
      'dropbox',
      'slack',
    ]);
  });

  it("a vendor shared by several apps names none of them, but an app's own name beats a vendor", () => {
    const atlassian = matchOf(base, 'ATLASSIAN 415-701-1110 CA');
    expect(atlassian.kind === 'unmatched' && atlassian.tied.map((t) => t.app.catalogId).sort()).toEqual([
      'confluence',
      'jira',
    ]);
    expect(matchedId(matchOf(base, 'SALESFORCE.COM 800-667-6389 CA'))).toBe('salesforce');
  });

  it("reads the description only when the vendor names nothing, and the organisation's custom apps by name", () => {
    expect(matchedId(matchOf(base, 'SQ *GROCER', 'Slack subscription'))).toBe('slack');
    expect(matchedId(matchOf(base, 'DROPBOX', 'Slack subscription'))).toBe('dropbox');
    const custom = buildMatcher(base, [{ id: 7, name: 'Acme Analytics', catalogId: null }]).match(
      normaliseDescriptor('SQ *ACME ANALYTICS 855-555-0100', ''),
    );
    expect(custom.kind === 'matched' && custom.app.appId).toBe(7);
  });

  it("an organisation's app linked to the catalog is the one matched", () => {
    const m = buildMatcher(base, [{ id: 42, name: 'Team Chat', catalogId: 'slack' }]).match('SLACK');
    expect(m.kind === 'matched' && m.app.appId).toBe(42);
    const renamed = buildMatcher(base, [{ id: 42, name: 'Team Chat', catalogId: 'slack' }]).match(
      'TEAM CHAT',
    );
    expect(renamed.kind === 'matched' && renamed.app.catalogId).toBe('slack');
  });
});
