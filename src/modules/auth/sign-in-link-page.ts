import { plainPage } from '../../lib/plain-page.js';
import { signInLinkMinutes } from './auth.repo.js';

/**
 * The page a one-time sign-in link opens. Opening the link signs no one in: link unfurlers (chat and
 * mail previews, safe-link scanners) fetch every URL they see, and would burn the link before its owner
 * clicks it. The page's button POSTs the token, which only a person does. Plain HTML with no script, so
 * the content security policy stays strict; the token is only ever the link's own characters.
 */
export function signInLinkPage(token: string | undefined): string {
  const usable = token !== undefined && signInLinkTokenPattern.test(token);
  const body = usable
    ? `<h1>Sign in to Roster</h1>
<p>This one-time link signs you in once, within ${signInLinkMinutes} minutes of being made.</p>
<form method="post" action="/auth/link">
<input type="hidden" name="token" value="${token}">
<button type="submit">Sign in</button>
</form>`
    : `<h1>This sign-in link is incomplete</h1>
<p>Copy the whole link from the message it came in, or ask an admin for a new one.</p>`;
  return plainPage('Sign in to Roster', body);
}

/** One-time tokens are a prefix and base64url (lib/tokens.ts): nothing that could leave an HTML attribute. */
export const signInLinkTokenPattern = /^[A-Za-z0-9_-]{10,200}$/;
