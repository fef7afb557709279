import { sql } from 'kysely';
import type { MemberRole } from '../../db/schema.js';
import { normaliseEmail } from '../../lib/email.js';
import { conflict, RosterError } from '../../lib/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';

export const sessionHours = 12;
const setupLinkHours = 24;
export const signInLinkMinutes = 30;

export interface Member {
  id: number;
  email: string;
  role: MemberRole;
}

export async function hasAdmin(roster: Roster): Promise<boolean> {
  const row = await roster.database.db
    .selectFrom('admin_members')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export type OneTimePurpose = 'setup' | 'sign_in' | 'password';

/**
 * A one-time link token, stored hashed. Setup links create the first admin; sign-in links sign a member
 * in; password links let a member set (or reset) a local password.
 */
export async function createOneTimeToken(
  roster: Roster,
  purpose: OneTimePurpose,
  memberId: number | null,
): Promise<string> {
  const token = newSecretToken(purpose === 'setup' ? 'rsu' : purpose === 'password' ? 'rsp' : 'rsi');
  const expires = new Date(
    Date.now() + (purpose === 'setup' ? setupLinkHours * 3_600_000 : signInLinkMinutes * 60_000),
  );
  await roster.database.db
    .insertInto('one_time_tokens')
    .values({ token_hash: hashToken(token), purpose, member_id: memberId, expires_at: expires })
    .execute();
  return token;
}

const invalidLink = () => new RosterError('unauthenticated', 'This link is invalid, expired or already used');

/** Consumes a one-time token atomically: a second use, or a use after expiry, fails. */
export async function consumeOneTimeToken(roster: Roster, token: string, purpose: OneTimePurpose) {
  const row = await roster.database.db
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['member_id'])
    .executeTakeFirst();
  if (!row) throw invalidLink();
  return row;
}

export async function completeSetup(roster: Roster, token: string, email: string): Promise<Member> {
  await consumeOneTimeToken(roster, token, 'setup');
  const { db } = roster.database;
  return db.transaction().execute(async (trx) => {
    await sql`lock table admin_members in exclusive mode`.execute(trx);
    const existing = await trx
      .selectFrom('admin_members')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirst();
    if (existing) throw conflict('Roster already has an admin; ask them for access');
    const member = await trx
      .insertInto('admin_members')
      .values({ email: normaliseEmail(email), role: 'admin' })
      .returning(['id', 'email', 'role'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor: `setup:${member.email}`,
      action: 'member.add',
      targetType: 'member',
      targetId: member.id,
      after: member,
    });
    return member;
  });
}

export async function signInWithLink(roster: Roster, token: string): Promise<Member> {
  const row = await consumeOneTimeToken(roster, token, 'sign_in');
  const member = await roster.database.db
    .selectFrom('admin_members')
    .select(['id', 'email', 'role'])
    .where('id', '=', row.member_id ?? -1)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw invalidLink();
  return member;
}

export async function ensureMember(
  roster: Roster,
  actor: string,
  email: string,
  role: MemberRole,
): Promise<Member> {
  const key = normaliseEmail(email);
  const { db } = roster.database;
  const existing = await db
    .selectFrom('admin_members')
    .select(['id', 'email', 'role'])
    .where('email', '=', key)
    .executeTakeFirst();
  if (existing) return existing;
  return db.transaction().execute(async (trx) => {
    const member = await trx
      .insertInto('admin_members')
      .values({ email: key, role })
      .returning(['id', 'email', 'role'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'member.add',
      targetType: 'member',
      targetId: member.id,
      after: member,
    });
    return member;
  });
}

export async function createSession(
  roster: Roster,
  memberId: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken('rss');
  const expiresAt = new Date(Date.now() + sessionHours * 3_600_000);
  await roster.database.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), member_id: memberId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** A session ends after this long without use, or after `sessionHours` in all, whichever comes first. */
export const sessionIdleMinutes = 120;

export async function findSession(roster: Roster, token: string): Promise<Member | undefined> {
  const { db } = roster.database;
  const now = new Date();
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('admin_members as m', 'm.id', 's.member_id')
    .select(['m.id', 'm.email', 'm.role', 's.last_seen_at'])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - sessionIdleMinutes * 60_000))
    .where('m.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  // Record activity at most once a minute: enough for the idle timeout, without a write per request.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('token_hash', '=', hashToken(token))
      .execute();
  }
  return { id: row.id, email: row.email, role: row.role };
}

/** Ends every session of a member (sign out everywhere), with its audit entry. */
export async function endAllSessions(roster: Roster, actor: string, memberId: number): Promise<number> {
  return roster.database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .deleteFrom('sessions')
      .where('member_id', '=', memberId)
      .returning('token_hash')
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'session.sign-out-everywhere',
      targetType: 'member',
      targetId: memberId,
      after: { ended: rows.length },
    });
    return rows.length;
  });
}

export async function endSession(roster: Roster, token: string): Promise<void> {
  await roster.database.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
