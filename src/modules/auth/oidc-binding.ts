import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import type { Member } from './auth.repo.js';

/** Who the provider says signed in, after the ID token was checked. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

/**
 * The member a verified provider identity signs in as. At a member's first single sign-on, Roster
 * records the provider's issuer and subject; afterwards only that same issuer and subject may sign in
 * as the member. An email is not an identity: providers reassign addresses (a leaver's mailbox given
 * to a newcomer, a renamed account), and the subject is the provider's stable key for one person.
 */
export async function bindOidcMember(
  roster: Roster,
  identity: ProviderIdentity & { email: string },
): Promise<Member> {
  const { db } = roster.database;
  const member = await db
    .selectFrom('admin_members')
    .select(['id', 'email', 'role', 'oidc_issuer', 'oidc_subject'])
    .where('email', '=', identity.email)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw new RosterError('forbidden', `${identity.email} is not an admin member of this Roster`);
  const boundElsewhere = () =>
    new RosterError(
      'forbidden',
      `Single sign-on refused: ${identity.email} is bound to another account at the provider: sign in with the account used the first time`,
    );
  if (member.oidc_subject !== null) {
    if (member.oidc_issuer !== identity.issuer || member.oidc_subject !== identity.subject)
      throw boundElsewhere();
    return { id: member.id, email: member.email, role: member.role };
  }
  // First sign-in: bind, unless a concurrent first sign-in bound it already (then compare again).
  try {
    const bound = await db
      .updateTable('admin_members')
      .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
      .where('id', '=', member.id)
      .where('oidc_subject', 'is', null)
      .returning(['id', 'email', 'role'])
      .executeTakeFirst();
    if (bound) return bound;
  } catch (error) {
    // The same provider account is already bound to another member.
    if ((error as { code?: string }).code === '23505') throw boundElsewhere();
    throw error;
  }
  return bindOidcMember(roster, identity);
}
