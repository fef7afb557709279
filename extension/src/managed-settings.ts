import { normaliseDomain } from './domain-match.js';

/** How the extension works, as the admin's policy sets it (extension/managed-schema.json). */
export type Mode = 'authenticated' | 'unauthenticated' | 'disabled';

export interface ManagedSettings {
  /** Roster's origin and base path, without a trailing slash; null when missing or unusable. */
  rosterUrl: string | null;
  mode: Mode;
  orgDomains: string[];
  enrollmentToken: string | null;
  /** What was wrong with the policy, for the popup; empty when nothing was. */
  problems: string[];
}

const modes: readonly Mode[] = ['authenticated', 'unauthenticated', 'disabled'];
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Roster's URL when it is safe to send a token to: https, or plain http on this machine only (a trial
 * install). A URL with credentials, a query or a fragment is refused rather than guessed at.
 */
export function usableRosterUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname)))
    return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Reads what `chrome.storage.managed` holds; anything unusable is named in `problems` and left out. */
export function parseManagedSettings(raw: Record<string, unknown>): ManagedSettings {
  const problems: string[] = [];
  const rosterUrl = usableRosterUrl(raw.rosterUrl);
  if (raw.rosterUrl === undefined) problems.push('rosterUrl is not set');
  else if (!rosterUrl) problems.push('rosterUrl must be an https URL (http only for localhost)');

  let mode: Mode = 'authenticated';
  if (raw.mode !== undefined) {
    if (modes.includes(raw.mode as Mode)) mode = raw.mode as Mode;
    else problems.push(`mode must be one of ${modes.join(', ')}; using authenticated`);
  }

  const orgDomains: string[] = [];
  if (raw.orgDomains !== undefined) {
    if (!Array.isArray(raw.orgDomains)) problems.push('orgDomains must be a list of domains');
    else
      raw.orgDomains.forEach((entry, i) => {
        const domain = typeof entry === 'string' ? normaliseDomain(entry) : null;
        if (domain) orgDomains.push(domain);
        else problems.push(`orgDomains[${i}] is not a domain`);
      });
  }

  const enrollmentToken =
    typeof raw.enrollmentToken === 'string' && raw.enrollmentToken.trim() !== ''
      ? raw.enrollmentToken.trim()
      : null;
  if (mode === 'unauthenticated' && !enrollmentToken)
    problems.push('unauthenticated mode needs an enrollmentToken');

  return { rosterUrl, mode, orgDomains, enrollmentToken, problems };
}
