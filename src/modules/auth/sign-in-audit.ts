import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Member } from './auth.repo.js';

export type SignInMethod = 'password' | 'link' | 'oidc' | 'setup';

/**
 * Runs one sign-in attempt and records its outcome in the audit log: `session.sign-in` for a member
 * who signed in, `session.sign-in-failed` (with the reason) for a refusal. `email` names who the
 * attempt was for when the caller said so (a password sign-in); the failure's actor is then that
 * address, else `anonymous`.
 */
export async function auditedSignIn(
  roster: Roster,
  context: { method: SignInMethod; ip: string; email?: string },
  attempt: () => Promise<Member>,
): Promise<Member> {
  let member: Member;
  try {
    member = await attempt();
  } catch (error) {
    if (error instanceof RosterError) {
      await writeAudit(roster.database.db, {
        actor: context.email ? `member:${context.email}` : 'anonymous',
        action: 'session.sign-in-failed',
        targetType: 'member',
        after: { method: context.method, ip: context.ip, code: error.code, reason: error.message },
      });
    }
    throw error;
  }
  await writeAudit(roster.database.db, {
    actor: `member:${member.email}`,
    action: 'session.sign-in',
    targetType: 'member',
    targetId: member.id,
    after: { method: context.method, ip: context.ip },
  });
  return member;
}
