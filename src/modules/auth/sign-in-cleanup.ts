import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { deleteFinishedRateLimits } from '../../lib/rate-limit.js';
import { deleteOldExtensionRows } from '../extension/extension-cleanup.js';
import { sessionIdleMinutes } from './auth.repo.js';
import { oidcLoginMinutes } from './oidc.js';

export const signInCleanupJobKind = 'sign-in-cleanup';
const everyMs = 3_600_000;

/**
 * Deletes what can no longer sign anyone in: ended sessions (expired or idle), used or expired one-time
 * links, single sign-ons started more than `oidcLoginMinutes` ago, and finished rate-limit counters.
 * Nothing still usable is touched. `now` is passed in so tests can move time.
 */
export async function deleteExpiredSignInRows(database: Database, now: Date) {
  const { db } = database;
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<=', new Date(now.getTime() - sessionIdleMinutes * 60_000)),
      ]),
    )
    .returning('token_hash')
    .execute();
  const oneTimeTokens = await db
    .deleteFrom('one_time_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
    .returning('token_hash')
    .execute();
  const oidcLogins = await db
    .deleteFrom('oidc_logins')
    .where('created_at', '<=', new Date(now.getTime() - oidcLoginMinutes * 60_000))
    .returning('state_hash')
    .execute();
  return {
    sessions: sessions.length,
    oneTimeTokens: oneTimeTokens.length,
    oidcLogins: oidcLogins.length,
    rateLimits: await deleteFinishedRateLimits(database, now),
  };
}

/** Keeps one cleanup queued an hour ahead (the dedupe key makes repeated calls a no-op). */
export async function scheduleSignInCleanup(database: Database, now = new Date()): Promise<void> {
  await enqueueJob(database, {
    kind: signInCleanupJobKind,
    dedupeKey: signInCleanupJobKind,
    runAt: new Date(now.getTime() + everyMs),
  });
}

export const signInCleanupHandler = (database: Database) => async () => {
  const now = new Date();
  await deleteExpiredSignInRows(database, now);
  // The browser extension's connect links and old batch ids go with the same hourly pass.
  await deleteOldExtensionRows(database, now);
};
