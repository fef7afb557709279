import { writeAudit } from '../../db/audit-log.js';
import { publicUrlOf } from '../../http/public-url.js';
import { notFound } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { createOneTimeToken, ensureMember, hasAdmin } from './auth.repo.js';

async function findMemberId(roster: Roster, email: string): Promise<number | undefined> {
  const row = await roster.database.db
    .selectFrom('admin_members')
    .select('id')
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/**
 * A one-time sign-in link for an admin member; on an installation without an admin, it makes `email` the
 * first one. Audited (never the link): whoever holds it signs in as that member.
 */
export async function createSignInLink(
  roster: Roster,
  actor: string,
  email: string,
): Promise<{ url: string }> {
  const first = !(await hasAdmin(roster));
  if (!(await findMemberId(roster, email)) && !first)
    throw notFound(`${email} is not an admin member of this Roster`);
  const member = await ensureMember(roster, actor, email, 'admin');
  const token = await createOneTimeToken(roster, 'sign_in', member.id);
  await writeAudit(roster.database.db, {
    actor,
    action: 'member.sign_in_link',
    targetType: 'member',
    targetId: member.id,
    after: { email: member.email },
  });
  return { url: `${publicUrlOf(roster.config)}/auth/link?token=${token}` };
}

/**
 * A one-time token with which an admin member sets (or resets) a local password, and the console's page
 * that spends it (`/set-password?token=…`: opening the page changes nothing, its button sets the password).
 */
export async function createPasswordLink(
  roster: Roster,
  actor: string,
  email: string,
): Promise<{ token: string; setPasswordUrl: string }> {
  const memberId = await findMemberId(roster, email);
  if (!memberId) throw notFound(`${email} is not an admin member of this Roster`);
  const token = await createOneTimeToken(roster, 'password', memberId);
  await writeAudit(roster.database.db, {
    actor,
    action: 'member.password_link',
    targetType: 'member',
    targetId: memberId,
  });
  return { token, setPasswordUrl: `${publicUrlOf(roster.config)}/set-password?token=${token}` };
}
