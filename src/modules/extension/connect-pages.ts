import { plainPage } from '../../lib/plain-page.js';

/**
 * The pages of the extension's connect flow: plain HTML without script, like the sign-in link's page. Every
 * value put in them is escaped, though the flow only accepts values of strict patterns.
 */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where the extension waits for its token: its connected.html (Chrome and Edge extension ids are 32 letters a-p). */
export const returnToPattern = /^chrome-extension:\/\/[a-p]{32}\/connected\.html$/;
/** The extension's random state, echoed back so it knows the answer is to its own request. */
export const statePattern = /^[A-Za-z0-9_-]{8,200}$/;
/** Link tokens are a prefix and base64url (lib/tokens.ts). */
export const connectLinkTokenPattern = /^[A-Za-z0-9_-]{10,200}$/;

export function connectPage(input: {
  returnTo: string;
  state: string;
  sso: boolean;
  problem?: string;
}): string {
  const hidden = `<input type="hidden" name="return_to" value="${escapeHtml(input.returnTo)}">
<input type="hidden" name="state" value="${escapeHtml(input.state)}">`;
  const sso = input.sso
    ? `<p><a href="/extension/connect/sso?return_to=${encodeURIComponent(input.returnTo)}&amp;state=${encodeURIComponent(input.state)}">Sign in with single sign-on</a></p>
<p>or get a one-time link by email:</p>`
    : '<p>Get a one-time link by email:</p>';
  return plainPage(
    'Connect the browser extension',
    `<h1>Connect the browser extension</h1>
<p>The extension reports which work apps you use (never pages, form contents or other browsing) once you sign in.</p>
${input.problem ? `<p role="alert"><strong>${escapeHtml(input.problem)}</strong></p>` : ''}
${sso}
<form method="post" action="/extension/connect/email">
${hidden}
<label>Work email <input type="email" name="email" required autocomplete="email"></label>
<button type="submit">Send the link</button>
</form>`,
  );
}

export function linkSentPage(email: string, minutes: number): string {
  return plainPage(
    'Check your email',
    `<h1>Check your email</h1>
<p>A one-time link is on its way to ${escapeHtml(email)}. It works once, within ${minutes} minutes, in this browser.</p>`,
  );
}

/** Opening the link changes nothing (mail scanners open links): its button finishes. */
export function connectLinkPage(token: string | undefined): string {
  if (token === undefined || !connectLinkTokenPattern.test(token))
    return problemPage(
      'This link is incomplete: copy the whole link from the email, or start again from the extension.',
    );
  return plainPage(
    'Connect the browser extension',
    `<h1>Connect the browser extension</h1>
<form method="post" action="/extension/connect/link">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Connect</button>
</form>`,
  );
}

export function problemPage(message: string): string {
  return plainPage(
    'Connect the browser extension',
    `<h1>The extension could not be connected</h1>
<p>${escapeHtml(message)}</p>`,
  );
}
