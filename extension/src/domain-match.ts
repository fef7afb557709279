/** One app Roster publishes to the extension, with the domains its pages live on. */
export interface AppDomains {
  app: string;
  domains: string[];
}

export interface AppMatch {
  app: string;
  /** The app domain the host matched (`slack.com` for `acme.slack.com`): what a report names. */
  domain: string;
}

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const hostnamePattern = new RegExp(`^(?=.{1,253}$)${label}(?:\\.${label})+$`);

/**
 * An app domain as Roster may send it (`Slack.com.`, `*.slack.com`) reduced to the bare domain, or null when
 * it is not a domain of at least two labels: a bare TLD would match whole swathes of the web.
 */
export function normaliseDomain(raw: string): string | null {
  const domain = raw.trim().toLowerCase().replace(/^\*\./, '').replace(/^\./, '').replace(/\.$/, '');
  return hostnamePattern.test(domain) ? domain : null;
}

/** Matches hosts against the app domains; a host matches a domain it equals or is a subdomain of. */
export interface DomainIndex {
  match(hostname: string): AppMatch | null;
  /** Every domain in the index, for the content-script match patterns. */
  domains(): string[];
}

export function indexAppDomains(apps: readonly AppDomains[]): DomainIndex {
  const byDomain = new Map<string, AppMatch>();
  for (const { app, domains } of apps) {
    for (const raw of domains) {
      const domain = normaliseDomain(raw);
      // The first app to claim a domain keeps it, so the same config always gives the same answer.
      if (domain && !byDomain.has(domain)) byDomain.set(domain, { app, domain });
    }
  }
  return {
    match(hostname) {
      const host = hostname.trim().toLowerCase().replace(/\.$/, '');
      if (!host) return null;
      // Walk from the full host to shorter suffixes, so the most specific app domain wins.
      let suffix = host;
      for (;;) {
        const found = byDomain.get(suffix);
        if (found) return found;
        const dot = suffix.indexOf('.');
        if (dot < 0) return null;
        suffix = suffix.slice(dot + 1);
      }
    },
    domains: () => [...byDomain.keys()],
  };
}

/** Chrome match patterns covering each domain and its subdomains, on any scheme Chrome injects into. */
export function contentScriptMatches(domains: readonly string[]): string[] {
  return domains.map((domain) => `*://*.${domain}/*`);
}
