import type { Database } from '../db/database.js';

/**
 * Keeps when the source's credential expires, as the provider told during a complete fetch. A fetch that
 * told nothing (the read was refused, the credential changed to a kind that does not expire) clears it, so
 * a warning never outlives the credential it was about.
 */
export async function recordCredentialExpiry(
  database: Database,
  sourceId: number,
  expiresAt: Date | null,
): Promise<void> {
  await database.db
    .updateTable('sources')
    .set({ credential_expires_at: expiresAt })
    .where('id', '=', sourceId)
    .where('credential_expires_at', 'is distinct from', expiresAt)
    .execute();
}
