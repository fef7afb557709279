import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
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

/**
 * Signs in with email and password; five failures lock the account for fifteen minutes. Each failure is
 * counted by one conditional UPDATE, so concurrent wrong passwords are each counted (none overwrites
 * another's count), and a right password is accepted only if no failure locked the account meanwhile.
 */
export async function signInWithPassword(roster: Roster, email: string, password: string): Promise<Member> {
  const { db } = roster.database;
  const member = await db
    .selectFrom('admin_members')
    .select(['id', 'email', 'role', 'password_hash', 'locked_until'])
    .where('email', '=', normaliseEmail(email))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!member?.password_hash) {
    await verify(await decoyHash, password);
    throw refused();
  }
  if (member.locked_until && member.locked_until > new Date()) throw lockedUntil(member.locked_until);
  const notLocked = sql<boolean>`(locked_until is null or locked_until <= now())`;
  if (!(await verify(member.password_hash, password))) {
    const counted = await db
      .updateTable('admin_members')
      .set({
        failed_sign_ins: sql`case when failed_sign_ins + 1 >= ${maxFailures} then 0 else failed_sign_ins + 1 end`,
        locked_until: sql`case when failed_sign_ins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) end`,
      })
      .where('id', '=', member.id)
      .where(notLocked)
      .returning(['locked_until'])
      .executeTakeFirst();
    if (counted?.locked_until) {
      await writeAudit(db, {
        actor: `member:${member.email}`,
        action: 'member.lock',
        targetType: 'member',
        targetId: member.id,
        after: { lockedUntil: counted.locked_until.toISOString(), failures: maxFailures },
      });
    }
    throw refused();
  }
  const accepted = await db
    .updateTable('admin_members')
    .set({ failed_sign_ins: 0 })
    .where('id', '=', member.id)
    .where(notLocked)
    .returning(['id'])
    .executeTakeFirst();
  if (!accepted) {
    const now = await db
      .selectFrom('admin_members')
      .select('locked_until')
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    throw lockedUntil(now.locked_until ?? new Date());
  }
  return { id: member.id, email: member.email, role: member.role };
}

const lockedUntil = (until: Date) =>
  new RosterError(
    'rate_limited',
    `Too many wrong passwords: this account is locked until ${until.toISOString()}`,
    [],
    Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)),
  );
