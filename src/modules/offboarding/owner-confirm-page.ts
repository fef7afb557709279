import { plainPage } from '../../lib/plain-page.js';
/**
 * The page an app owner's confirmation link opens. Opening it changes nothing — mail scanners and link
 * previews fetch every URL — its button POSTs the token. Plain HTML without script (the strict content
 * security policy holds); the token is only ever the link's own characters.
 */
export function ownerConfirmPage(token: string | undefined, state: 'ask' | 'confirmed' = 'ask'): string {
  const usable = token !== undefined && ownerTokenPattern.test(token);
  const body =
    state === 'confirmed'
      ? '<h1>Thank you</h1>\n<p>Roster recorded that the account is removed.</p>'
      : usable
        ? `<h1>Confirm the account is removed</h1>
<p>Confirm once you removed or deactivated the account named in the message this link came in.</p>
<form method="post" action="/offboarding/confirm">
<input type="hidden" name="token" value="${token}">
<button type="submit">The account is removed</button>
</form>`
        : `<h1>This link is incomplete</h1>
<p>Copy the whole link from the message it came in.</p>`;
  return plainPage('Roster: confirm an account is removed', body);
}

/** Link tokens are a prefix and base64url (lib/tokens.ts): nothing that could leave an HTML attribute. */
export const ownerTokenPattern = /^[A-Za-z0-9_-]{10,200}$/;
