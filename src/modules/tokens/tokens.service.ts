import { sql } from 'kysely';
import type { Role } from '../../db/schema.js';
import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import { conflict, invalidInput, notFound } from '../../lib/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';

export const roles = ['admin', 'editor', 'read-only', 'app-owner'] as const satisfies readonly Role[];

export interface TokenView {
  id: number;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** Creates an API token. The secret is returned once, here, and stored only as a hash. */
export async function createToken(
  roster: Roster,
  actor: string,
  input: { name: string; role?: Role; expiresAt?: Date | null; actsForEmail?: string | null },
): Promise<TokenView & { token: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw invalidInput('A token needs a name of 1-100 characters', [
      { field: 'name', message: 'is required' },
    ]);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw invalidInput('The expiry must be in the future', [
      { field: 'expiresAt', message: 'is in the past' },
    ]);
  }
  const role = input.role ?? 'admin';
  const actsFor = input.actsForEmail ? normaliseEmail(input.actsForEmail) : null;
  if (role === 'app-owner' && !actsFor) {
    throw invalidInput('An app-owner token acts for one app owner: give their email', [
      { field: 'actsForEmail', message: 'is required for the app-owner role' },
    ]);
  }
  if (actsFor && !isValidEmail(actsFor)) {
    throw invalidInput('That is not an email address', [
      { field: 'actsForEmail', message: 'is not a valid email address' },
    ]);
  }
  const token = newSecretToken('rst');
  try {
    const row = await roster.database.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('api_tokens')
        .values({
          name,
          role,
          token_hash: hashToken(token),
          acts_for_email: actsFor,
          created_by: actor,
          expires_at: input.expiresAt ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: 'token.create',
        targetType: 'token',
        targetId: created.id,
        after: { name, role: created.role },
      });
      return created;
    });
    return { ...toView(row), token };
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict(`A token named "${name}" already exists`);
    throw error;
  }
}

function toView(row: {
  id: number;
  name: string;
  role: Role;
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}): TokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export async function listTokens(roster: Roster): Promise<TokenView[]> {
  const rows = await roster.database.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

export async function revokeToken(roster: Roster, actor: string, name: string): Promise<void> {
  await roster.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where(sql`lower(name)`, '=', name.trim().toLowerCase())
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) throw notFound(`No active token named "${name}"`);
    await writeAudit(trx, {
      actor,
      action: 'token.revoke',
      targetType: 'token',
      targetId: row.id,
      before: { name: row.name },
    });
  });
}

/** The role behind a bearer token, or undefined when it is unknown, revoked or expired. */
export async function authenticateToken(
  roster: Roster,
  token: string,
): Promise<{ name: string; role: Role; actsForEmail: string | null } | undefined> {
  const { db } = roster.database;
  const now = new Date();
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'last_used_at', 'acts_for_email'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  // Record use at most once a minute, so reads do not turn into a write per request.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { name: row.name, role: row.role, actsForEmail: row.acts_for_email };
}
