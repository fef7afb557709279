import { sql } from 'kysely';
import type { MemberRole } from '../../db/schema.js';
import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import { conflict, invalidInput, notFound } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { forgetVerifiedTokens } from '../tokens/verified-tokens.js';

export interface MemberView {
  id: number;
  email: string;
  role: MemberRole;
  hasPassword: boolean;
  /** Bound to one account at the single sign-on provider (its issuer and subject), at their first SSO sign-in. */
  singleSignOnBound: boolean;
  disabled: boolean;
  createdAt: string;
}

const columns = [
  'id',
  'email',
  'role',
  'password_hash',
  'oidc_subject',
  'disabled_at',
  'created_at',
] as const;
type Row = {
  id: number;
  email: string;
  role: MemberRole;
  password_hash: string | null;
  oidc_subject: string | null;
  disabled_at: Date | null;
  created_at: Date;
};
const toView = (r: Row): MemberView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  hasPassword: r.password_hash !== null,
  singleSignOnBound: r.oidc_subject !== null,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at.toISOString(),
});

export async function listMembers(roster: Roster): Promise<MemberView[]> {
  const rows = await roster.database.db
    .selectFrom('admin_members')
    .select(columns)
    .orderBy('email')
    .execute();
  return rows.map(toView);
}

/** Adds an admin member: they sign in by SSO, a one-time link or a password they set through a link. */
export async function addMember(
  roster: Roster,
  actor: string,
  input: { email: string; role: MemberRole },
): Promise<MemberView> {
  const email = normaliseEmail(input.email);
  if (!isValidEmail(email))
    throw invalidInput('That is not an email address', [
      { field: 'email', message: 'is not a valid email address' },
    ]);
  try {
    return await roster.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('admin_members')
        .values({ email, role: input.role })
        .returning(columns)
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: 'member.add',
        targetType: 'member',
        targetId: row.id,
        after: { email, role: row.role },
      });
      return toView(row);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict(`${email} is already a member`);
    throw error;
  }
}

/**
 * Changes a member's role or disables them, in one transaction with its audit entry. Disabling ends
 * their sessions and revokes the API tokens they created, at once. The last active admin can be neither demoted nor disabled.
 * Forgetting their single sign-on account lets the next SSO sign-in with their email bind a new one (the
 * person moved to another account at the provider); their sessions end, so the old account's do too.
 */
export async function updateMember(
  roster: Roster,
  actor: string,
  email: string,
  change: { role?: MemberRole; disabled?: boolean; forgetSingleSignOn?: boolean },
): Promise<MemberView> {
  const key = normaliseEmail(email);
  const member = await roster.database.db.transaction().execute(async (trx) => {
    // One admin change at a time, so two demotions cannot both pass the last-admin check.
    await sql`lock table admin_members in share row exclusive mode`.execute(trx);
    const before = await trx
      .selectFrom('admin_members')
      .select(columns)
      .where('email', '=', key)
      .executeTakeFirst();
    if (!before) throw notFound(`${key} is not a member`);
    const losesAdmin =
      before.role === 'admin' &&
      before.disabled_at === null &&
      ((change.role && change.role !== 'admin') || change.disabled);
    if (losesAdmin) {
      const admins = await trx
        .selectFrom('admin_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1)
        throw conflict('Roster needs at least one active admin: add another admin first');
    }
    const after = await trx
      .updateTable('admin_members')
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? new Date() : null }),
        ...(change.forgetSingleSignOn ? { oidc_issuer: null, oidc_subject: null } : {}),
      })
      .where('id', '=', before.id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    // A disabled member's access ends everywhere: their sessions, and the tokens they created.
    let revokedTokens = 0;
    if (change.disabled || change.forgetSingleSignOn)
      await trx.deleteFrom('sessions').where('member_id', '=', before.id).execute();
    if (change.disabled) {
      const revoked = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('created_by_member_id', '=', before.id)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      revokedTokens = revoked.length;
    }
    await writeAudit(trx, {
      actor,
      action: 'member.update',
      targetType: 'member',
      targetId: before.id,
      before: {
        role: before.role,
        disabled: before.disabled_at !== null,
        singleSignOnBound: before.oidc_subject !== null,
      },
      after: {
        role: after.role,
        disabled: after.disabled_at !== null,
        singleSignOnBound: after.oidc_subject !== null,
        ...(revokedTokens ? { revokedTokens } : {}),
      },
    });
    return toView(after);
  });
  // The disabled member's tokens are refused from the next request on, not once this process's cache expires.
  if (change.disabled) forgetVerifiedTokens();
  return member;
}
