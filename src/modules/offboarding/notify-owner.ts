import { emailAction } from '../../actions/email/email-action.js';
import { emailSettingsSchema } from '../../actions/email/email-settings.js';
import { publicUrlOf } from '../../http/public-url.js';
import { sendMail } from '../../lib/mailer.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import type { ClaimedTask, TaskOutcome } from './offboarding-runner.js';

/** The path of the page an owner confirms a removal on; the token comes in the query. */
export const ownerConfirmPath = '/offboarding/confirm';

const ownerEmail = emailSettingsSchema.parse({
  type: 'email',
  to: '{{recipients}}',
  subject: 'Remove {{email}} from {{app}}',
  body: [
    '{{email}} is leaving, and Roster is removing their access to every app.',
    '',
    'You own {{app}} in Roster. Please remove or deactivate the account {{email}} in {{app}},',
    'then confirm it here:',
    '',
    '{{link}}',
    '',
    'The link works once.',
  ].join('\n'),
});

/**
 * The notify-owner method: the app's owners are emailed — each at their person's primary email, so a
 * merged owner is reached where they read mail — a link that marks the task done. The task waits for it.
 */
export async function notifyOwner(roster: Roster, task: ClaimedTask, now: () => Date): Promise<TaskOutcome> {
  const { db } = roster.database;
  const owners = await db
    .selectFrom('app_owners as o')
    .leftJoin('users as u', 'u.email', 'o.email')
    .leftJoin('person_links as l', 'l.user_id', 'u.id')
    .leftJoin('users as p', 'p.id', 'l.primary_user_id')
    .select(['o.email', 'p.email as primaryEmail'])
    .where('o.app_id', '=', task.app_id)
    .orderBy('o.email')
    .execute();
  if (!owners.length)
    return {
      status: 'failed',
      note: `${task.app} has no owner to notify: set one (roster apps owners) or choose another method, then retry`,
      calls: [],
    };
  const recipients = [...new Set(owners.map((o) => o.primaryEmail ?? o.email))];
  const token = newSecretToken('rof');
  const link = `${publicUrlOf(roster.config)}${ownerConfirmPath}?token=${encodeURIComponent(token)}`;
  // The email workflows send: values are the scope, never spliced into the templates, and escaped in HTML.
  const sent = await emailAction.run(
    ownerEmail,
    { recipients: recipients.join(', '), email: task.email, app: task.app, link },
    {
      signal: new AbortController().signal,
      outbound: roster.outbound,
      sendMail: (mail) => sendMail(roster.config, mail),
    },
  );
  if (sent.status === 'failed') return { status: 'failed', note: sent.error, calls: [] };
  return {
    status: 'waiting',
    note: `Emailed ${recipients.join(', ')} on ${now().toISOString().slice(0, 10)}; waiting for them to confirm`,
    calls: [],
    notifiedTo: recipients.join(', '),
    tokenHash: hashToken(token),
  };
}
