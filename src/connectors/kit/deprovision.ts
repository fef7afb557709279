import type { OutboundClient } from '../../lib/outbound/outbound-client.js';
import { ConnectorError } from './connector-error.js';
import type { ProviderCall } from './provider-http.js';
import type { accountStatuses } from './records.js';

/**
 * Deprovisioning: a source kind that can remove a leaver's access at the provider declares the
 * `deprovisioning` capability and a Deprovisioner. Offboarding calls it once per account; like fetch, it
 * knows nothing of the database or the HTTP server, and reaches the provider only through `outbound`.
 */

/** One account to deprovision, as the source last reported it. */
export interface DeprovisionTarget {
  /** The app the account belongs to, by Roster's name (an identity provider's own app, or an app it assigns). */
  app: string;
  /** The account's email in that app. */
  email: string;
  /** The provider's id of the user, as the source reported it (Entra object id, Okta user id, SCIM id). */
  externalId: string | null;
  /** The status Roster last saw; a deleted or suspended account may still need its licenses removed. */
  accountStatus: (typeof accountStatuses)[number];
}

export interface DeprovisionContext<Config, Credentials> {
  config: Config;
  credentials: Credentials | undefined;
  signal: AbortSignal;
  /** The only way to the provider: the outbound-request guard (ROSTER_OUTBOUND_ALLOW), capped and timed. */
  outbound: OutboundClient;
  /**
   * Told of every request made and the provider's answer, as it happens, so a task that fails half way
   * keeps the requests before the failure. Pass it to providerHttp as `onAnswer`.
   */
  onCall: (call: ProviderCall) => void;
}

/**
 * What a deprovisioning did. `done`: the provider now has the account without access. `already`: it had
 * none already (disabled, deleted, unknown to the provider), so a retry after a lost answer is success.
 * Failures throw a ConnectorError with the provider's error; the task keeps it and can be retried.
 */
export interface DeprovisionResult {
  outcome: 'done' | 'already';
  /** One sentence for the task's record: "Blocked sign-in and removed 2 licenses". */
  summary: string;
}

/** A planned request, listed by a dry run before anything is written. */
export interface PlannedCall {
  method: ProviderCall['method'];
  /** Host and path the request would go to (ids filled in where known, `{id}` where looked up first). */
  url: string;
  /** What the request does, in words. */
  purpose: string;
}

/** One licence of one account to remove (a workflow's `license.remove`). */
export interface LicenseRemovalTarget extends DeprovisionTarget {
  /** The licence type by the name the source reported it under (`Microsoft 365 E3`). */
  licenseType: string;
}

/**
 * Removing a single licence while the account stays: a kind whose provider can (Graph's `assignLicense`,
 * the Enterprise License Manager's delete) offers it beside deprovisioning. `already` when the user no
 * longer holds it, so a retry after a lost answer is success; a licence the provider will not remove (one
 * a group hands out) throws a ConnectorError saying why.
 */
export interface LicenseRemover<Config, Credentials> {
  /** The requests `removeLicense` would make, without making any. */
  plan(config: Config, target: LicenseRemovalTarget): PlannedCall[];
  removeLicense(
    context: DeprovisionContext<Config, Credentials>,
    target: LicenseRemovalTarget,
  ): Promise<DeprovisionResult>;
}

export interface Deprovisioner<Config, Credentials> {
  /** Present when the provider can remove one licence of a user, for the apps `handles` accepts. */
  licenses?: LicenseRemover<Config, Credentials>;
  /**
   * Whether this source can deprovision accounts of that app: an identity provider its own app (and, for
   * Okta, apps it provisions); a SCIM source the one app it is bound to.
   */
  handles(config: Config, app: string): boolean;
  /** What it will do, shown before an offboarding starts ("Blocks sign-in and removes licenses"). */
  describe(config: Config, app: string): string;
  /** The requests `deprovision` would make for that account, without making any (for `--dry-run`). */
  plan(config: Config, target: DeprovisionTarget): PlannedCall[];
  deprovision(
    context: DeprovisionContext<Config, Credentials>,
    target: DeprovisionTarget,
  ): Promise<DeprovisionResult>;
}

/** Runs a provider request; a 404 (the user or assignment is gone, so there is no access left) is `undefined`. */
export async function unlessGone<T>(request: () => Promise<T>): Promise<T | undefined> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** The result for a user the provider no longer has: deleted users have no access left. */
export function alreadyGone(provider: string, target: DeprovisionTarget): DeprovisionResult {
  return { outcome: 'already', summary: `${provider} no longer has the user ${target.email} (deleted)` };
}
