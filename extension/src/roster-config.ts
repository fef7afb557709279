import { type AppDomains, normaliseDomain } from './domain-match.js';
import { normaliseEmail } from './org-email.js';

/** What `GET /api/extension/config` tells the extension: whose reports these are and which domains to watch. */
export interface RosterConfig {
  email: string;
  orgDomains: string[];
  apps: AppDomains[];
  version: string;
}

/**
 * Roster's answer read as data: an app with no usable domain is left out, unusable domains are dropped, and
 * an answer without the fields the extension needs is refused whole (null) so the last good config stays.
 */
export function parseRosterConfig(body: unknown): RosterConfig | null {
  if (typeof body !== 'object' || body === null) return null;
  const { email, orgDomains, apps, version } = body as Record<string, unknown>;
  const person = typeof email === 'string' ? normaliseEmail(email) : null;
  if (!person || !Array.isArray(orgDomains) || !Array.isArray(apps)) return null;
  const domainsOf = (list: unknown): string[] =>
    Array.isArray(list)
      ? list.flatMap((d) => {
          const domain = typeof d === 'string' ? normaliseDomain(d) : null;
          return domain ? [domain] : [];
        })
      : [];
  const parsedApps = apps.flatMap((entry): AppDomains[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { app, domains } = entry as Record<string, unknown>;
    const usable = domainsOf(domains);
    return typeof app === 'string' && usable.length > 0 ? [{ app, domains: usable }] : [];
  });
  return {
    email: person,
    orgDomains: domainsOf(orgDomains),
    apps: parsedApps,
    version: typeof version === 'string' ? version : '',
  };
}
