import type { Roster } from '../../roster.js';
import { finishOidcLogin } from '../auth/oidc.js';
import { type ExtensionHandoff, handoffUrl } from './connect-links.js';
import { issueExtensionToken } from './extension-tokens.js';

/**
 * Finishes a single sign-on the connect page started: the same checks as a member's sign-in (state from
 * this browser, PKCE, nonce, a verified email), then an extension token for that email, which must be in
 * the organisation's domains. The employee becomes no console member and gets no session.
 */
export async function finishExtensionSso(
  roster: Roster,
  callbackUrl: URL,
  browserSecret: string | undefined,
): Promise<string> {
  const { identity, extension } = await finishOidcLogin(roster, callbackUrl, browserSecret);
  const handoff = extension as ExtensionHandoff;
  const issued = await issueExtensionToken(roster, `extension:${identity.email}`, {
    kind: 'reporting',
    email: identity.email,
    via: 'sso',
  });
  return handoffUrl(handoff, issued.token, issued.email!);
}
