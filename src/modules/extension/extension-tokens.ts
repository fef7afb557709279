import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { emailDomain, isValidEmail, normaliseEmail } from '../../lib/email.js';
import { invalidInput, notFound, RosterError } from '../../lib/errors.js';
import { hashToken, newSecretToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';

/** Every extension token starts so, which lets the other routes refuse one with a clear message. */
export const extensionTokenPrefix = 'rxt';

export type ExtensionTokenKind = 'reporting' | 'enrollment';
export type IssuedVia = 'admin' | 'link' | 'sso' | 'enrollment';

export interface ExtensionTokenView {
  id: number;
  kind: ExtensionTokenKind;
  /** The person a reporting token reports for; null for an enrollment token. */
  email: string | null;
  issuedVia: IssuedVia;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const isExtensionToken = (bearer: string) => bearer.startsWith(`${extensionTokenPrefix}_`);

/** The organisation's domains (configured plus those identity providers verified), lower-cased. */
export async function organisationDomains(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('managed_domains').select('name').execute();
  return rows.map((r) => r.name.toLowerCase()).sort();
}

/** A reporting token's email must be a valid address in one of the organisation's domains. */
export async function checkOrganisationEmail(db: Kysely<DB>, raw: string, field = 'email'): Promise<string> {
  const email = normaliseEmail(raw);
  if (!isValidEmail(email))
    throw invalidInput('That is not an email address', [{ field, message: 'is not a valid email address' }]);
  const domains = await organisationDomains(db);
  if (!domains.includes(emailDomain(email)))
    throw new RosterError(
      'forbidden',
      domains.length
        ? `The browser extension reports only for the organisation's domains (${domains.join(', ')})`
        : 'The browser extension reports only for the organisation’s domains, and none is configured (roster settings set --domains)',
      [{ field, message: 'is not in one of the organisation’s domains' }],
    );
  return email;
}

/**
 * Issues an extension token: a reporting token for one person's email (in the organisation's domains), or
 * an enrollment token. The secret is returned once and stored as a hash; the issue is audited.
 */
export async function issueExtensionToken(
  roster: Roster,
  actor: string,
  input: { kind: 'reporting'; email: string; via: IssuedVia } | { kind: 'enrollment' },
): Promise<ExtensionTokenView & { token: string }> {
  const { db } = roster.database;
  const email = input.kind === 'reporting' ? await checkOrganisationEmail(db, input.email) : null;
  const via: IssuedVia = input.kind === 'reporting' ? input.via : 'admin';
  const token = newSecretToken(extensionTokenPrefix);
  const row = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('extension_tokens')
      .values({
        kind: input.kind,
        email,
        token_hash: hashToken(token),
        issued_via: via,
        created_by: actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'extension-token.issue',
      targetType: 'extension-token',
      targetId: created.id,
      after: { kind: created.kind, email, issuedVia: via },
    });
    return created;
  });
  return { ...toView(row), token };
}

export async function listExtensionTokens(roster: Roster): Promise<ExtensionTokenView[]> {
  const rows = await roster.database.db
    .selectFrom('extension_tokens')
    .selectAll()
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** Revokes one extension token by id; it stops working at once. Audited. */
export async function revokeExtensionToken(roster: Roster, actor: string, id: number): Promise<void> {
  await roster.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('extension_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['id', 'kind', 'email'])
      .executeTakeFirst();
    if (!row) throw notFound(`No active extension token ${id} (roster extension tokens lists them)`);
    await writeAudit(trx, {
      actor,
      action: 'extension-token.revoke',
      targetType: 'extension-token',
      targetId: row.id,
      before: { kind: row.kind, email: row.email },
    });
  });
}

export interface ExtensionCaller {
  tokenId: number;
  kind: ExtensionTokenKind;
  email: string | null;
}

/** The active extension token behind a bearer secret, or undefined. Use is recorded at most once a minute. */
export async function authenticateExtensionToken(
  roster: Roster,
  token: string,
): Promise<ExtensionCaller | undefined> {
  if (!isExtensionToken(token)) return undefined;
  const { db } = roster.database;
  const row = await db
    .selectFrom('extension_tokens')
    .select(['id', 'kind', 'email', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000)
    await db.updateTable('extension_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return { tokenId: row.id, kind: row.kind, email: row.email };
}

function toView(row: {
  id: number;
  kind: ExtensionTokenKind;
  email: string | null;
  issued_via: IssuedVia;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
}): ExtensionTokenView {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    issuedVia: row.issued_via,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
