import { z } from 'zod';
import { normaliseEmail } from '../../lib/email.js';
import type { ErrorDetail } from '../../lib/errors.js';
import { ConnectorError } from '../kit/connector-error.js';
import type { SourceRecordInput } from '../kit/records.js';
import { parseAccountStatus } from '../kit/status.js';

/**
 * A full snapshot of one custom app's users and licenses, in Roster's own shape or in the custom
 * integration shape Torii documents (so existing feeds move over unchanged). Field validation of emails,
 * dates and lengths happens once, in the sync engine; here only the shape is checked.
 */
const rosterUser = z.strictObject({
  email: z.string(),
  name: z.string().nullish(),
  externalId: z.string().nullish(),
  status: z.string().nullish(),
  role: z.string().nullish(),
  licenseTypes: z.array(z.string()).nullish(),
  lastUsedAt: z.string().nullish(),
});
const rosterLicenseType = z.strictObject({
  name: z.string(),
  purchased: z.number().nullish(),
  pricePerUserCents: z.number().nullish(),
});
export const rosterSnapshotSchema = z.strictObject({
  app: z.string().optional(),
  users: z.array(rosterUser),
  licenseTypes: z.array(rosterLicenseType).default([]),
});

const toriiUser = z.looseObject({
  email: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  status: z.enum(['active', 'deleted']).nullish(),
  externalStatus: z.string().nullish(),
  role: z.string().nullish(),
  roles: z.array(z.string()).nullish(),
  lastUsedDate: z.string().nullish(),
});
const toriiLicense = z.looseObject({
  name: z.string(),
  unassignedAmount: z.number().nullish(),
  pricePerUser: z.number().nullish(),
  users: z.array(z.looseObject({ email: z.string(), licenseStatus: z.string().nullish() })).default([]),
});
export const toriiSnapshotSchema = z.looseObject({
  appName: z.string().optional(),
  users: z.array(toriiUser),
  licenses: z.array(toriiLicense).default([]),
});

export type SnapshotFormat = 'roster' | 'torii';

/** Torii-shaped bodies carry `licenses` or Torii's user fields; everything else is read as Roster's shape. */
export function detectFormat(body: unknown): SnapshotFormat {
  if (typeof body !== 'object' || body === null) return 'roster';
  const b = body as { licenses?: unknown; users?: unknown; appName?: unknown };
  if (b.licenses !== undefined || b.appName !== undefined) return 'torii';
  const users = Array.isArray(b.users) ? (b.users as Record<string, unknown>[]) : [];
  return users.some(
    (u) => u && ('lastUsedDate' in u || 'firstName' in u || 'roles' in u || 'externalStatus' in u),
  )
    ? 'torii'
    : 'roster';
}

export interface SnapshotOptions {
  /**
   * The body came from a URL Roster fetched, so readers of the run's error did not write it: problems say
   * what was expected and never repeat the body's own field names (paths name only the expected fields).
   */
  remote?: boolean;
}

function shapeError(error: z.ZodError, options: SnapshotOptions): ConnectorError {
  const details: ErrorDetail[] = error.issues.slice(0, 200).map((issue) => ({
    path: issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, ''),
    message:
      options.remote && issue.code === 'unrecognized_keys'
        ? 'has fields Roster’s snapshot shape does not have (see the custom integration shape)'
        : issue.message,
  }));
  return new ConnectorError('invalid_data', 'The snapshot does not have the expected shape', details);
}

const suspendedWords = /suspend|inactive|disabled|deactivat|locked|blocked/i;

export function snapshotRecords(
  app: string,
  body: unknown,
  options: SnapshotOptions = {},
): SourceRecordInput[] {
  const format = detectFormat(body);
  if (format === 'roster') {
    const parsed = rosterSnapshotSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error, options);
    const s = parsed.data;
    const records: SourceRecordInput[] = s.licenseTypes.map((l, i) => ({
      type: 'license_type',
      app,
      name: l.name,
      purchased: l.purchased ?? null,
      pricePerUserCents: l.pricePerUserCents ?? null,
      ref: `licenseTypes[${i}]`,
    }));
    s.users.forEach((u, i) => {
      records.push({
        type: 'account',
        app,
        email: u.email,
        externalId: u.externalId ?? null,
        name: u.name ?? null,
        status: (parseAccountStatus(u.status) ?? u.status) as 'active',
        role: u.role ?? null,
        licenseTypes: u.licenseTypes ?? [],
        lastUsedAt: u.lastUsedAt ?? null,
        ref: `users[${i}]`,
        raw: { objectType: 'user', externalId: normaliseEmail(u.email), data: u },
      });
    });
    return records;
  }
  const parsed = toriiSnapshotSchema.safeParse(body);
  if (!parsed.success) throw shapeError(parsed.error, options);
  const s = parsed.data;
  const licensesByEmail = new Map<string, string[]>();
  const records: SourceRecordInput[] = [];
  s.licenses.forEach((license, i) => {
    const holders = license.users.filter((u) => (u.licenseStatus ?? 'active').toLowerCase() !== 'deleted');
    for (const holder of holders) {
      const key = normaliseEmail(holder.email);
      licensesByEmail.set(key, [...(licensesByEmail.get(key) ?? []), license.name]);
    }
    records.push({
      type: 'license_type',
      app,
      name: license.name,
      purchased: license.unassignedAmount == null ? null : holders.length + license.unassignedAmount,
      pricePerUserCents: license.pricePerUser ?? null,
      ref: `licenses[${i}]`,
    });
  });
  s.users.forEach((u, i) => {
    const name = [u.firstName, u.lastName].filter(Boolean).join(' ');
    const status =
      u.status === 'deleted'
        ? 'deleted'
        : suspendedWords.test(u.externalStatus ?? '')
          ? 'suspended'
          : 'active';
    records.push({
      type: 'account',
      app,
      email: u.email,
      name: name || null,
      status,
      role: u.roles?.length ? u.roles.join(', ') : (u.role ?? null),
      licenseTypes: licensesByEmail.get(normaliseEmail(u.email)) ?? [],
      lastUsedAt: u.lastUsedDate ?? null,
      ref: `users[${i}]`,
      raw: { objectType: 'user', externalId: normaliseEmail(u.email), data: u },
    });
  });
  return records;
}
