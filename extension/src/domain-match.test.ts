import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentScriptMatches, indexAppDomains, normaliseDomain } from './domain-match.js';

const apps = [
  { app: 'Slack', domains: ['slack.com'] },
  { app: 'Slack Enterprise Grid', domains: ['enterprise.slack.com'] },
  { app: 'Notion', domains: ['Notion.so.', '*.notion.site'] },
  { app: 'Broken', domains: ['com', '', 'not a domain'] },
];

describe('matching a host against the app domains', () => {
  const index = indexAppDomains(apps);

  it.each([
    ['slack.com', 'Slack', 'slack.com'],
    ['acme.slack.com', 'Slack', 'slack.com'],
    ['ACME.Slack.com.', 'Slack', 'slack.com'],
    ['acme.enterprise.slack.com', 'Slack Enterprise Grid', 'enterprise.slack.com'],
    ['notion.so', 'Notion', 'notion.so'],
    ['team.notion.site', 'Notion', 'notion.site'],
  ])('%s is %s (reported as %s)', (host, app, domain) => {
    expect(index.match(host)).toEqual({ app, domain });
  });

  it.each(['notslack.com', 'slack.com.evil.example', 'slack.co', 'com', 'example.com', ''])(
    '%s is no app',
    (host) => {
      expect(index.match(host)).toBeNull();
    },
  );

  it('drops domains that are not domains, so a bare TLD never matches the web', () => {
    expect(index.domains().sort()).toEqual(['enterprise.slack.com', 'notion.site', 'notion.so', 'slack.com']);
    expect(normaliseDomain('com')).toBeNull();
    expect(normaliseDomain('*.Example.COM.')).toBe('example.com');
  });

  it('gives each domain the content-script pattern for it and its subdomains', () => {
    expect(contentScriptMatches(['slack.com'])).toEqual(['*://*.slack.com/*']);
  });

  const labelArb = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const domainArb = fc.array(labelArb, { minLength: 2, maxLength: 4 }).map((l) => l.join('.'));

  it('matches exactly the domain and its subdomains, whatever the labels (property)', () => {
    fc.assert(
      fc.property(domainArb, fc.array(labelArb, { maxLength: 3 }), domainArb, (domain, prefix, other) => {
        const one = indexAppDomains([{ app: 'A', domains: [domain] }]);
        const host = [...prefix, domain].join('.');
        expect(one.match(host)).toEqual({ app: 'A', domain });
        const isUnder = other === domain || other.endsWith(`.${domain}`);
        expect(one.match(other) !== null).toBe(isUnder);
      }),
    );
  });
});
