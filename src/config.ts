import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import type { DatabaseTarget } from './db/database.js';
import { type AddressPolicy, parseAllowList } from './lib/outbound/address-policy.js';

/** Every environment variable Roster reads, validated once at start. README's configuration table mirrors this. */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  ROSTER_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).optional(),
  ROSTER_DATA_DIR: z.string().min(1).default('./data'),
  ROSTER_SECRET_KEY: z.string().min(32, 'ROSTER_SECRET_KEY must be at least 32 characters').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  ROSTER_PUBLIC_URL: z.string().url().optional(),
  ROSTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROSTER_FILES_DIR: z.string().min(1).optional(),
  ROSTER_OIDC_ISSUER: z.string().url().optional(),
  ROSTER_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ROSTER_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  ROSTER_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  ROSTER_MAIL_FROM: z.string().min(3).default('Roster <roster@localhost>'),
  ROSTER_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges',
    )
    .default('false'),
  ROSTER_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  ROSTER_EXTENSION_BATCHES_PER_MINUTE: z.coerce.number().int().positive().max(1_000_000).default(120),
  ROSTER_READ_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  ROSTER_LEASE_SECONDS: z.coerce.number().positive().max(3600).default(120),
  ROSTER_LEASE_RENEW_SECONDS: z.coerce.number().positive().max(1800).default(30),
  ROSTER_OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((text, ctx) => {
      try {
        return parseAllowList(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  ROSTER_OUTBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  ROSTER_OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  ROSTER_METRICS_LISTEN: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return null;
      const address = parseListenAddress(text);
      if (!address) {
        ctx.addIssue({ code: 'custom', message: 'must be host:port (e.g. 10.0.0.5:9464 or [::]:9464)' });
        return z.NEVER;
      }
      return address;
    }),
});

/** `host:port`, the host an IPv4 address, a name, or an IPv6 address in brackets. */
function parseListenAddress(text: string): { host: string; port: number } | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[3]);
  if (port > 65535) return null;
  return { host: (match[1] ?? match[2])!, port };
}

export interface Config {
  /** `pg` when DATABASE_URL is set, else the embedded PGlite database in dataDir. */
  database: DatabaseTarget;
  /** Holds the embedded database, the lock file and (without ROSTER_SECRET_KEY, embedded only) the generated key file. */
  dataDir: string;
  /** Where file-based sources (HR exports) read from; they cannot name a path outside it. */
  filesDir: string;
  secretKey: string | undefined;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['ROSTER_LOG_LEVEL'];
  maxUploadBytes: number;
  /**
   * Which reverse proxies' X-Forwarded-For to believe (Fastify's `trustProxy`): the client address that
   * rate limits and the audit log key on. false: the socket's address.
   */
  trustProxy: boolean | number | string[];
  /** Single sign-on through an OpenID Connect provider; null when not configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  /**
   * Requests Roster makes on someone's behalf (providers, token endpoints, custom integration URLs, single
   * sign-on): the addresses opened beyond the public internet, the largest answer read, and the deadline
   * of a request that sets none of its own.
   */
  outbound: { allow: AddressPolicy; maxBytes: number; timeoutMs: number };
  /** Outgoing mail (reports, reminders): unset means Roster cannot send email. */
  smtp: { url: string; from: string } | null;
  /**
   * How long a process holds a sync run or job it works on without showing a sign of life, and how often
   * it renews that hold; another process fails or requeues the work once the hold has run out.
   */
  lease: { durationMs: number; renewEveryMs: number };
  /** How many event batches one extension token may send per minute (ROSTER_EXTENSION_BATCHES_PER_MINUTE). */
  extensionBatchesPerMinute: number;
  /** ROSTER_READ_CACHE_BYTES: how much a server keeps of the answers of its cached reads (0: none). */
  readCacheBytes: number;
  /** ROSTER_METRICS_LISTEN: where `roster serve` also answers `GET /metrics` without authentication; null: nowhere. */
  metricsListen: { host: string; port: number } | null;
}

export { ConfigError };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  // A renewal must land well before the lease runs out, even when the process or database is slow.
  if (e.ROSTER_LEASE_RENEW_SECONDS * 2 > e.ROSTER_LEASE_SECONDS) {
    throw new ConfigError(
      'Invalid configuration:\n  ROSTER_LEASE_RENEW_SECONDS: must be at most half of ROSTER_LEASE_SECONDS',
    );
  }
  if (e.DATABASE_URL && !e.ROSTER_SECRET_KEY) {
    // A generated key file is one process's own: processes sharing a server could not read each other's credentials.
    throw new ConfigError(
      'Invalid configuration:\n  ROSTER_SECRET_KEY: is required with DATABASE_URL; set the same key (32+ characters) in every Roster process sharing the database',
    );
  }
  const dataDir = resolve(e.ROSTER_DATA_DIR);
  return {
    database: e.DATABASE_URL
      ? { kind: 'pg', url: e.DATABASE_URL, poolSize: e.ROSTER_DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir },
    dataDir,
    filesDir: resolve(e.ROSTER_FILES_DIR ?? `${dataDir}/files`),
    secretKey: e.ROSTER_SECRET_KEY,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.ROSTER_PUBLIC_URL,
    logLevel: e.ROSTER_LOG_LEVEL,
    maxUploadBytes: e.ROSTER_MAX_UPLOAD_BYTES,
    trustProxy: parseTrustProxy(e.ROSTER_TRUST_PROXY),
    oidc:
      e.ROSTER_OIDC_ISSUER && e.ROSTER_OIDC_CLIENT_ID && e.ROSTER_OIDC_CLIENT_SECRET
        ? {
            issuer: e.ROSTER_OIDC_ISSUER,
            clientId: e.ROSTER_OIDC_CLIENT_ID,
            clientSecret: e.ROSTER_OIDC_CLIENT_SECRET,
          }
        : null,
    outbound: {
      allow: e.ROSTER_OUTBOUND_ALLOW,
      maxBytes: e.ROSTER_OUTBOUND_MAX_BYTES,
      timeoutMs: e.ROSTER_OUTBOUND_TIMEOUT_MS,
    },
    smtp: e.ROSTER_SMTP_URL ? { url: e.ROSTER_SMTP_URL, from: e.ROSTER_MAIL_FROM } : null,
    lease: {
      durationMs: Math.round(e.ROSTER_LEASE_SECONDS * 1000),
      renewEveryMs: Math.round(e.ROSTER_LEASE_RENEW_SECONDS * 1000),
    },
    metricsListen: e.ROSTER_METRICS_LISTEN,
    readCacheBytes: e.ROSTER_READ_CACHE_BYTES,
    extensionBatchesPerMinute: e.ROSTER_EXTENSION_BATCHES_PER_MINUTE,
  };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}
