import { hash, verify } from '@node-rs/argon2';
import { normaliseEmail } from '../../lib/email.js';
import { invalidInput, RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { consumeOneTimeToken, type Member } from './auth.repo.js';

export const minimumPasswordLength = 12;
const maxFailures = 5;
const lockMinutes = 15;
// Verified when the email is unknown, so an unknown address takes as long to refuse as a wrong password.
const decoyHash = hash('roster-decoy-password-for-timing');

function checkPassword(password: string) {
  if (password.length < minimumPasswordLength || password.length > 256) {
    throw invalidInput(`A password needs ${minimumPasswordLength} to 256 characters`, [
      { field: 'password', message: `must be at least ${minimumPasswordLength} characters` },
    ]);
  }
}

/** Sets a member's password through a one-time password link (argon2id; no password is ever preset). */
export async function setPasswordWithLink(roster: Roster, token: string, password: string): Promise<Member> {
  checkPassword(password);
  const { member_id } = await consumeOneTimeToken(roster, token, 'password');
  const passwordHash = await hash(password);
  return roster.database.db.transaction().execute(async (trx) => {
    const member = await trx
      .updateTable('admin_members')
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
      .where('id', '=', member_id ?? -1)
      .where('disabled_at', 'is', null)
      .returning(['id', 'email', 'role'])
      .executeTakeFirst();
    if (!member) throw new RosterError('unauthenticated', 'This link is invalid, expired or already used');
    await writeAudit(trx, {
      actor: `member:${member.email}`,
      action: 'member.password',
      targetType: 'member',
      targetId: member.id,
    });
    return member;
  });
}

const refused = () => new RosterError('unauthenticated', 'The email or password is wrong');

/** Signs in with email and password; five failures lock the account for fifteen minutes. */
export async function signInWithPassword(roster: Roster, email: string, password: string): Promise<Member> {
  const { db } = roster.database;
  const member = await db
    .selectFrom('admin_members')
    .select(['id', 'email', 'role', 'password_hash', 'failed_sign_ins', 'locked_until'])
    .where('email', '=', normaliseEmail(email))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!member?.password_hash) {
    await verify(await decoyHash, password);
    throw refused();
  }
  if (member.locked_until && member.locked_until > new Date()) {
    throw new RosterError(
      'rate_limited',
      `Too many wrong passwords: this account is locked until ${member.locked_until.toISOString()}`,
    );
  }
  if (!(await verify(member.password_hash, password))) {
    const failures = member.failed_sign_ins + 1;
    await db
      .updateTable('admin_members')
      .set({
        failed_sign_ins: failures >= maxFailures ? 0 : failures,
        locked_until: failures >= maxFailures ? new Date(Date.now() + lockMinutes * 60_000) : null,
      })
      .where('id', '=', member.id)
      .execute();
    throw refused();
  }
  if (member.failed_sign_ins)
    await db.updateTable('admin_members').set({ failed_sign_ins: 0 }).where('id', '=', member.id).execute();
  return { id: member.id, email: member.email, role: member.role };
}
