import { publicUrlOf } from '../../http/public-url.js';
import { RosterError } from '../../lib/errors.js';
import { sendMail } from '../../lib/mailer.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import { checkOrganisationEmail, issueExtensionToken } from './extension-tokens.js';

/** How long a connect link works. */
export const connectLinkMinutes = 15;

export interface ExtensionHandoff {
  returnTo: string;
  state: string;
}

/** Sends a one-time link to an address in the organisation's domains; following it gives the extension a token. */
export async function sendConnectLink(
  roster: Roster,
  rawEmail: string,
  handoff: ExtensionHandoff,
): Promise<{ email: string }> {
  const email = await checkOrganisationEmail(roster.database.db, rawEmail);
  const token = newSecretToken('rxl');
  await roster.database.db
    .insertInto('extension_connect_links')
    .values({ token_hash: hashToken(token), email, return_to: handoff.returnTo, state: handoff.state })
    .execute();
  const url = `${publicUrlOf(roster.config)}/extension/connect/link?token=${token}`;
  await sendMail(roster.config, {
    to: email,
    subject: 'Connect the Roster browser extension',
    text: `Open this link in the browser where the extension asked you to sign in, then press Connect:\n\n${url}\n\nIt works once, within ${connectLinkMinutes} minutes. If you did not ask for it, ignore this email.\n`,
  });
  return { email };
}

/** Where a link was meant to hand its token, without using it (the link's page allows its form to go there). */
export async function connectLinkTarget(roster: Roster, token: string): Promise<string | undefined> {
  const row = await roster.database.db
    .selectFrom('extension_connect_links')
    .select('return_to')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row?.return_to;
}

/** Uses a link once, within its time, and issues the extension token of its email. */
export async function finishConnectLink(
  roster: Roster,
  token: string,
): Promise<ExtensionHandoff & { email: string; token: string }> {
  const link = await roster.database.db
    .updateTable('extension_connect_links')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('created_at', '>', new Date(Date.now() - connectLinkMinutes * 60_000))
    .returning(['email', 'return_to', 'state'])
    .executeTakeFirst();
  if (!link)
    throw new RosterError(
      'unauthenticated',
      'This link is unknown, already used or expired: start again from the extension',
    );
  const issued = await issueExtensionToken(roster, `extension:${link.email}`, {
    kind: 'reporting',
    email: link.email,
    via: 'link',
  });
  return { email: link.email, token: issued.token, returnTo: link.return_to, state: link.state };
}

/** The extension's page gets the token in the fragment, which browsers never send to a server. */
export function handoffUrl(handoff: ExtensionHandoff, token: string, email: string): string {
  const fragment = new URLSearchParams({ token, email, state: handoff.state });
  return `${handoff.returnTo}#${fragment.toString()}`;
}
