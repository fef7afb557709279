import type { z } from 'zod';
import type { ErrorDetail } from '../../lib/errors.js';
import type { OutboundClient } from '../../lib/outbound/outbound-client.js';
import type { Capabilities, Capability } from './capabilities.js';
import type { Deprovisioner } from './deprovision.js';
import type { SourceRecordInput } from './records.js';

/** One page of a fetch: records to stage, rows the connector itself rejected, and progress. */
export interface Page {
  records: SourceRecordInput[];
  rejected?: ErrorDetail[];
  /** Items done so far and, when known, in all; drives progress bars. */
  progress?: { done: number; total?: number };
  /**
   * Capabilities the kind declares but this organisation cannot give, with the provider's reason (an Entra
   * tenant without the licence for sign-in activity cannot report last use). Roster then treats that data
   * as unknown for this source instead of as empty, and shows the reason.
   */
  unavailable?: { capability: Capability; reason: string }[];
  /**
   * When the credential the source signs in with expires, as the provider told (an Entra app's client
   * secret). Recorded on the source so its health warns before syncs start failing.
   */
  credentialExpiresAt?: Date;
  /**
   * The uploaded file a push kind read (its sha256 and name) and how its rows were read (`readWith`: the
   * resolved columns, date format, default currency): expense imports recognise the same file read the same
   * way again and change nothing.
   */
  file?: { sha256: string; name: string | null; readWith: Record<string, unknown> | null };
  /**
   * The records are already the record schema's output (the connector checked each one, as an expense file's
   * rows are): the engine takes them as they are instead of parsing each one again.
   */
  checked?: boolean;
}

export interface FetchContext<Config, Credentials> {
  config: Config;
  credentials: Credentials | undefined;
  /** Pushed content (a CSV file, a JSON snapshot) for kinds fed by imports. */
  input: unknown;
  signal: AbortSignal;
  /** The directory file-based kinds may read from (ROSTER_FILES_DIR). */
  filesDir: string;
  /** The largest file a file-based kind reads (ROSTER_MAX_UPLOAD_BYTES). */
  maxFileBytes: number;
  /**
   * The only way a kind reaches the network: refuses internal addresses unless ROSTER_OUTBOUND_ALLOW opens
   * them, caps answers and times requests out.
   */
  outbound: OutboundClient;
}

/**
 * A source kind: what it is, what it can tell (capabilities), how it is configured, and one fetch that
 * yields pages. Connectors know nothing of the database or the HTTP server; the sync engine does the rest.
 */
export interface SourceKind<Config = unknown, Credentials = unknown> {
  kind: string;
  title: string;
  description: string;
  capabilities: Capabilities;
  /** `push` kinds are fed by imports (files, API snapshots); `pull` kinds fetch from a provider. */
  mode: 'push' | 'pull';
  /**
   * `full`: lists every account of the apps it feeds (a direct integration, a complete export).
   * `partial`: sees only some (SSO sign-ins, the browser extension). Absent means full.
   */
  coverage?: 'full' | 'partial';
  /**
   * Coverage per app, for kinds that feed apps differently: an identity provider lists every account of its
   * own app but, of the apps people sign in to through it, only the users assigned to them. Falls back to
   * `coverage`.
   */
  coverageOf?(app: string): 'full' | 'partial';
  configSchema: z.ZodType<Config>;
  credentialsSchema?: z.ZodType<Credentials>;
  /**
   * How health names an expiring credential this kind reports (`credentialExpiresAt`) and what renews it:
   * "Client secret expires on 2027-01-05: create a new one in Entra and update the source".
   */
  expiringCredential?: { title: string; renew: string };
  /** The app a source is bound to, for kinds that feed exactly one app. */
  appOf?(config: Config): string | undefined;
  fetch(context: FetchContext<Config, Credentials>): AsyncIterable<Page>;
  /** How a kind with the `deprovisioning` capability removes a leaver's access (offboarding's automatic method). */
  deprovisioner?: Deprovisioner<Config, Credentials>;
}

/** Identity helper that keeps each kind's config and credentials types checked. */
export function defineSourceKind<Config, Credentials = never>(
  kind: SourceKind<Config, Credentials>,
): SourceKind<Config, Credentials> {
  return kind;
}

/**
 * How a source of this kind sees an app: `full` (it reads the app directly: its own instance, licenses and
 * every account) or `partial` (some users only, through SSO or OAuth grants).
 */
export function coverageOf(kind: SourceKind<unknown, unknown>, app: string): 'full' | 'partial' {
  return kind.coverageOf?.(app) ?? kind.coverage ?? 'full';
}
