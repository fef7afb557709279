import { publicUrlOf } from '../../http/public-url.js';
import { withMailer } from '../../lib/mailer.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { extensionStatus } from './extension-status.js';

/** A person is reminded at most once in this many days. */
export const reminderEveryDays = 7;

export interface RemindResult {
  sent: string[];
  /** Reminded within the period already. */
  skipped: string[];
}

/**
 * Emails every current employee whose extension has not reported for `days` a reminder to connect it,
 * except those reminded within `reminderEveryDays`. Each sent reminder is recorded (and the run audited),
 * so a second run the same week sends nothing again.
 */
export async function remindNotReporting(
  roster: Roster,
  actor: string,
  days: number,
  now = new Date(),
): Promise<RemindResult> {
  const { db } = roster.database;
  const status = await extensionStatus(roster, days, now);
  const emails = status.notReporting.map((p) => p.email);
  const recent = emails.length
    ? await db
        .selectFrom('extension_reminders')
        .select('email')
        .where('email', 'in', emails)
        .where('sent_at', '>', new Date(now.getTime() - reminderEveryDays * 86_400_000))
        .execute()
    : [];
  const skip = new Set(recent.map((r) => r.email));
  const primary = await primaryEmailsOf(roster, emails);
  const sent: string[] = [];
  await withMailer(roster.config, async (send) => {
    for (const email of emails) {
      if (skip.has(email)) continue;
      await send({
        // A merged person reads mail at their primary address (Merge Users); the record stays the employee's.
        to: primary.get(email) ?? email,
        subject: 'Connect the Roster browser extension',
        text: `Your browser has the Roster extension, but it has not reported for ${days} days. Click its icon and sign in (single sign-on or a link by email) so Roster knows which work apps you use; it never reports pages, form contents or personal browsing.\n\nRoster: ${publicUrlOf(roster.config)}\n`,
      });
      // Recorded as each is sent: a mail server failing half-way leaves the rest to remind next time.
      await db
        .insertInto('extension_reminders')
        .values({ email, sent_at: now, sent_by: actor })
        .onConflict((oc) => oc.column('email').doUpdateSet({ sent_at: now, sent_by: actor }))
        .execute();
      sent.push(email);
    }
  });
  await writeAudit(db, {
    actor,
    action: 'extension.remind',
    targetType: 'extension',
    after: { days, sent: sent.length, skipped: skip.size },
  });
  return { sent, skipped: emails.filter((e) => skip.has(e)) };
}

/** The primary email of each address Merge Users linked to a person; unlinked addresses are absent. */
async function primaryEmailsOf(roster: Roster, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const rows = await roster.database.db
    .selectFrom('users as u')
    .innerJoin('person_links as l', 'l.user_id', 'u.id')
    .innerJoin('users as p', 'p.id', 'l.primary_user_id')
    .select(['u.email', 'p.email as primary'])
    .where('u.email', 'in', emails)
    .execute();
  return new Map(rows.map((r) => [r.email, r.primary]));
}
