import type { ErrorDetail } from '../../lib/errors.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind, type Page } from '../kit/connector.js';
import { firstOfEach } from '../kit/paging.js';
import type { SourceRecordInput } from '../kit/records.js';
import { scimHttp, scimProvider } from './scim-client.js';
import { scimDeprovisioner } from './scim-deprovisioner.js';
import { scimUserPages } from './scim-pages.js';
import {
  type ScimConfig,
  type ScimCredentials,
  scimConfigSchema,
  scimCredentialsSchema,
} from './scim-settings.js';
import { type ScimUser, scimUserEmail, scimUserId, scimUserName, scimUserStatus } from './scim-users.js';

/**
 * Any app with a SCIM 2.0 service (RFC 7643/7644): its users, read page by page, are the app's accounts,
 * and offboarding deactivates or deletes them there.
 */
export const scimSourceKind = defineSourceKind<ScimConfig, ScimCredentials>({
  kind: 'scim',
  title: 'SCIM 2.0',
  description:
    'Reads the users of one app from its SCIM 2.0 service with a bearer token, and deactivates or deletes leavers there.',
  capabilities: capabilities(['users', 'deprovisioning']),
  // The service lists every user of its app.
  coverage: 'full',
  mode: 'pull',
  configSchema: scimConfigSchema,
  credentialsSchema: scimCredentialsSchema,
  appOf: (config) => config.app,
  async *fetch({ config, credentials, signal, outbound }) {
    const provider = scimProvider(config.baseUrl);
    const http = scimHttp({ config, credentials, signal, outbound });
    const once = firstOfEach<string>((key) => key);
    let done = 0;
    for await (const page of scimUserPages(http, {
      baseUrl: config.baseUrl,
      pageSize: config.pageSize,
      provider,
    })) {
      const records: SourceRecordInput[] = [];
      const rejected: ErrorDetail[] = [];
      page.resources.forEach((user, i) => {
        const ref = `Users page from startIndex ${page.startIndex}, Resources[${i}]`;
        const problem = accountOf(config.app, user, ref, once);
        if (problem === null) return;
        done += 1;
        if ('message' in problem) rejected.push(problem);
        else records.push(problem);
      });
      yield {
        records,
        rejected,
        progress: { done, ...(page.totalResults === null ? {} : { total: page.totalResults }) },
      } satisfies Page;
    }
  },
  deprovisioner: scimDeprovisioner,
});

/**
 * One SCIM user as an account, a rejected row naming the field, or null for a user already read (listed
 * again on a later page when the directory changed mid-read, or a second user with the same address).
 */
function accountOf(
  app: string,
  user: ScimUser,
  ref: string,
  once: (keys: string[]) => string[],
): SourceRecordInput | ErrorDetail | null {
  if (!user || typeof user !== 'object' || Array.isArray(user))
    return { path: ref, message: 'is not a SCIM User object' };
  const id = scimUserId(user);
  if (!id) return { path: `${ref}.id`, message: 'is missing: every SCIM user has an id' };
  if (once([`id:${id}`]).length === 0) return null;
  const email = scimUserEmail(user);
  if (!email)
    return {
      path: `${ref}.emails`,
      message: `has no email address (no primary or work email, and userName is not an address) for user ${id}`,
    };
  if (once([`email:${email}`]).length === 0) return null;
  return {
    type: 'account',
    app,
    email,
    externalId: id,
    name: scimUserName(user),
    status: scimUserStatus(user),
    licenseTypes: [],
    // SCIM's core schema has no sign-in date.
    lastUsedAt: null,
    ref,
  };
}
