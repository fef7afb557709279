import { sql } from 'kysely';
import type { Role } from '../../db/schema.js';
import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import { conflict, invalidInput, notFound } from '../../lib/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { defaultTokenRole } from './token-roles.js';
import { forgetVerifiedTokens, revocationCount, verifiedTokensOf } from './verified-tokens.js';

export { defaultTokenRole, roles, tokenRoles } from './token-roles.js';

export interface TokenView {
  id: number;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** A push token's app: the one app whose custom integration it may push snapshots to. */
  pushAppId: number | null;
}

/** Push tokens live in scripts on other machines: they expire, by default after 90 days, at most a year. */
export const pushTokenDefaultDays = 90;
const pushTokenMaxDays = 366;

/**
 * Creates an API token. The secret is returned once, here, and stored only as a hash. A push token
 * (`pushApp`) may only push snapshots to that app's custom integration, and always expires.
 * `createdByMemberId`: the signed-in member creating it, whose tokens are revoked when they are disabled.
 */
export async function createToken(
  roster: Roster,
  actor: string,
  input: {
    name: string;
    role?: Role;
    expiresAt?: Date | null;
    actsForEmail?: string | null;
    pushApp?: string | null;
    createdByMemberId?: number | null;
  },
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
  const push = input.pushApp ? await pushScope(roster, input) : null;
  const role = push ? 'editor' : (input.role ?? defaultTokenRole);
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
          created_by_member_id: input.createdByMemberId ?? null,
          push_app_id: push?.appId ?? null,
          expires_at: push?.expiresAt ?? input.expiresAt ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: 'token.create',
        targetType: 'token',
        targetId: created.id,
        after: {
          name,
          role: created.role,
          ...(push ? { pushAppId: created.push_app_id, expiresAt: created.expires_at } : {}),
        },
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
  push_app_id: number | null;
}): TokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    pushAppId: row.push_app_id,
  };
}

/** A push token's app (which must exist) and expiry (given, or the default; at most a year away). */
async function pushScope(
  roster: Roster,
  input: { role?: Role; expiresAt?: Date | null; actsForEmail?: string | null; pushApp?: string | null },
): Promise<{ appId: number; expiresAt: Date }> {
  if (input.role && input.role !== 'editor')
    throw invalidInput('A push token pushes snapshots: it has no other role', [
      { field: 'role', message: 'must be left out (or editor) for a push token' },
    ]);
  if (input.actsForEmail)
    throw invalidInput('A push token acts for no one', [
      { field: 'actsForEmail', message: 'must be left out for a push token' },
    ]);
  const latest = Date.now() + pushTokenMaxDays * 86_400_000;
  if (input.expiresAt && input.expiresAt.getTime() > latest)
    throw invalidInput(`A push token expires within ${pushTokenMaxDays} days`, [
      { field: 'expiresAt', message: `must be within ${pushTokenMaxDays} days` },
    ]);
  const app = await roster.database.db
    .selectFrom('apps')
    .select('id')
    .where(sql`lower(name)`, '=', String(input.pushApp).trim().toLowerCase())
    .executeTakeFirst();
  if (!app)
    throw invalidInput(`No app "${input.pushApp}": add the app before its push token`, [
      { field: 'pushApp', message: 'is not an app of this organisation' },
    ]);
  return {
    appId: app.id,
    expiresAt: input.expiresAt ?? new Date(Date.now() + pushTokenDefaultDays * 86_400_000),
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

/** A token by its id (the API's paths) or its name (the CLI, and the unprefixed paths). */
export type TokenRef = { id: number } | { name: string };

export async function revokeToken(roster: Roster, actor: string, ref: TokenRef): Promise<void> {
  await roster.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where((eb) =>
        'id' in ref ? eb('id', '=', ref.id) : eb(sql`lower(name)`, '=', ref.name.trim().toLowerCase()),
      )
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row)
      throw notFound(
        'id' in ref ? `No active token with id ${ref.id}` : `No active token named "${ref.name}"`,
      );
    await writeAudit(trx, {
      actor,
      action: 'token.revoke',
      targetType: 'token',
      targetId: row.id,
      before: { name: row.name },
    });
  });
  forgetVerifiedTokens();
}

/**
 * The role behind a bearer token, or undefined when it is unknown, revoked or expired. A token verified in
 * the last few seconds is answered from memory (verified-tokens.ts); a revocation clears that at once.
 */
export async function authenticateToken(
  roster: Roster,
  token: string,
): Promise<{ name: string; role: Role; actsForEmail: string | null; pushAppId: number | null } | undefined> {
  const { db } = roster.database;
  const now = new Date();
  const hash = hashToken(token);
  const cache = verifiedTokensOf(roster.database);
  let verified = cache.find(hash, now);
  if (!verified) {
    const revocationsBefore = revocationCount();
    const row = await db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role', 'last_used_at', 'acts_for_email', 'push_app_id', 'expires_at'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    if (!row) return undefined;
    verified = {
      id: row.id,
      name: row.name,
      role: row.role,
      actsForEmail: row.acts_for_email,
      pushAppId: row.push_app_id,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
    };
    cache.remember(hash, verified, now, revocationsBefore);
  }
  // Record use at most once a minute, so reads do not turn into a write per request.
  if (!verified.lastUsedAt || now.getTime() - verified.lastUsedAt.getTime() > 60_000) {
    verified.lastUsedAt = now;
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', verified.id).execute();
  }
  return {
    name: verified.name,
    role: verified.role,
    actsForEmail: verified.actsForEmail,
    pushAppId: verified.pushAppId,
  };
}
