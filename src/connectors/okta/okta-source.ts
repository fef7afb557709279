import { z } from 'zod';
import type { ErrorDetail } from '../../lib/errors.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind, type Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { firstOfEach, followPages } from '../kit/paging.js';
import { httpTuningSchema, type ProviderHttp } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';
import { advancedField, privateKeyField, secretField } from '../kit/settings-schema.js';
import { nextLink, type OktaCredentials, oktaHttp, PROVIDER, sameOrigin } from './okta-client.js';
import { oktaDeprovisioner } from './okta-deprovisioner.js';
import {
  appDomain,
  appUserEmail,
  isReportedApp,
  type OktaApp,
  type OktaAppUser,
  type OktaUser,
  userEmail,
  userRecords,
} from './okta-records.js';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** HTTPS, except on loopback (the simulator, a local proxy): an API token never crosses a network in clear. */
const orgUrl = z
  .url({ protocol: /^https?$/ })
  .refine((v) => {
    const url = new URL(v);
    return url.protocol === 'https:' || loopback.has(url.hostname);
  }, 'must be an https:// URL')
  .transform((v) => v.replace(/\/+$/, ''));

const configSchema = z.strictObject({
  baseUrl: orgUrl.meta({
    title: 'Okta URL',
    description: 'The address of your Okta org (or its custom domain), https:// included.',
    examples: ['https://acme.okta.com'],
  }),
  tokenUrl: orgUrl.optional().meta({
    title: 'Token URL',
    description:
      'OAuth token endpoint of the org authorization server, for a service app. Default: {Okta URL}/oauth2/v1/token',
    ...advancedField,
  }),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({
      title: 'Items per page',
      description:
        'Users, apps and app assignments per request. Default: the most Okta serves (200 users, 500 assignments).',
      ...advancedField,
    }),
  includeApps: z.boolean().default(true).meta({
    title: 'Read apps',
    description:
      'Adds the apps in Okta and the people assigned to them; needs the okta.apps.read scope or a read-only admin token.',
  }),
  http: httpTuningSchema,
});
type OktaConfig = z.output<typeof configSchema>;

const secret = z.string().trim().min(1).max(16_384);
const credentialsSchema = z.union([
  z
    .strictObject({
      apiToken: secret.meta({
        title: 'API token',
        description:
          'An Okta API token (Security → API → Tokens), created by a read-only admin (an admin who may deactivate users and manage app assignments for offboarding). Sent as SSWS.',
        ...secretField,
      }),
    })
    .meta({ title: 'API token (SSWS)' }),
  z
    .strictObject({
      accessToken: secret.meta({
        title: 'Access token',
        description:
          'An OAuth access token issued elsewhere. Roster cannot renew it: syncs fail once it expires.',
        ...secretField,
      }),
    })
    .meta({ title: 'Access token' }),
  z
    .strictObject({
      clientId: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .meta({
          title: 'Client ID',
          description:
            'Client ID of the API service app (Applications → the app → General), granted okta.users.read and okta.apps.read (and okta.users.manage, okta.apps.manage for offboarding).',
          examples: ['0oa1b2c3d4e5f6g7h8i9'],
        }),
      privateKey: secret.meta({
        title: 'Private key',
        description:
          'The private key whose public key the service app holds, as PEM (PKCS #8, -----BEGIN PRIVATE KEY-----) or as JWK JSON.',
        ...secretField,
        ...privateKeyField,
      }),
      keyId: z.string().trim().min(1).max(16_384).optional().meta({
        title: 'Key ID',
        description: 'The key’s KID in the service app, needed when the app holds several public keys.',
      }),
    })
    .meta({ title: 'OAuth service app' }),
]);

const USERS_PAGE = 200;
/** Okta lists app assignments 50 a page unless asked for more, up to 500. */
const APP_USERS_PAGE = 500;

export const oktaSourceKind = defineSourceKind<OktaConfig, OktaCredentials>({
  kind: 'okta',
  title: 'Okta',
  description:
    'Reads Okta users (deactivated ones included), their last sign-in and second email, and the apps people ' +
    'are assigned to, with an API token (SSWS) or an OAuth service app (scopes okta.users.read, okta.apps.read). ' +
    'Offboarding deactivates the Okta user or unassigns them from an app (okta.users.manage, okta.apps.manage).',
  // Okta has no licence SKUs: no license types or purchased seats.
  capabilities: capabilities(['users', 'aliases', 'lastUsed', 'employees', 'deprovisioning']),
  // Every Okta account; of the apps assigned through Okta, only the users Okta assigns them to.
  coverageOf: (app) => (app.toLowerCase() === 'okta' ? 'full' : 'partial'),
  mode: 'pull',
  configSchema,
  credentialsSchema,
  deprovisioner: oktaDeprovisioner,
  async *fetch({ config, credentials, signal, outbound }) {
    if (!credentials)
      throw new ConnectorError(
        'auth',
        `${PROVIDER} needs an API token, an access token or an OAuth service app`,
      );
    const http = await oktaHttp({
      baseUrl: config.baseUrl,
      tokenUrl: config.tokenUrl ?? `${config.baseUrl}/oauth2/v1/token`,
      credentials,
      http: config.http,
      signal,
      outbound,
    });
    const pageSize = config.pageSize ?? USERS_PAGE;
    const reader = new OktaReader(config.baseUrl, http);
    const emails = new Map<string, string>();
    const once = firstOfEach<OktaUser>((u) => String(u.id ?? userEmail(u)));
    const emailOnce = firstOfEach<string>((e) => e);
    let done = 0;

    // The plain listing leaves DEPROVISIONED users out (Okta's docs: "List all users returns all users that
    // don't have a DEPROVISIONED status"); a second listing asks for them by status so leavers are seen.
    const listings: { label: string; query: Record<string, string> }[] = [
      { label: 'users', query: {} },
      { label: 'deprovisioned users', query: { search: 'status eq "DEPROVISIONED"' } },
    ];
    for (const listing of listings) {
      let pageNumber = 0;
      for await (const users of reader.pages<OktaUser>('/api/v1/users', {
        ...listing.query,
        limit: pageSize,
      })) {
        pageNumber += 1;
        const records: SourceRecordInput[] = [];
        const rejected: ErrorDetail[] = [];
        users.forEach((user, i) => {
          // A user already read on an earlier page (the directory changed while Roster read it) counts once.
          if (once([user]).length === 0) return;
          done += 1;
          const ref = `${listing.label}[page ${pageNumber}, item ${i + 1}] (${String(user.id)})`;
          const email = userEmail(user);
          // Two Okta users can share an email (a leaver and a rehire): the first listed, the live one, counts.
          if (email && emailOnce([email]).length === 0) return;
          const mapped = userRecords(user, ref);
          if (!mapped) {
            rejected.push({ path: ref, message: 'has no email address (profile.email or an email login)' });
            return;
          }
          if (email && typeof user.id === 'string') emails.set(user.id, email);
          records.push(...mapped);
        });
        yield { records, rejected, progress: { done } } satisfies Page;
      }
    }

    if (config.includeApps === false) return;
    try {
      // Two Okta apps can carry one label (a second Slack workspace): Roster sees one app with both teams.
      const accountsOf = new Map<string, (emails: string[]) => string[]>();
      for await (const apps of reader.pages<OktaApp>('/api/v1/apps', { limit: pageSize })) {
        for (const app of apps.filter(isReportedApp)) {
          yield* appRecords(reader, app, {
            pageSize: config.pageSize ?? APP_USERS_PAGE,
            done,
            accountsOf,
            emailOfUser: (id) => emails.get(id),
          });
        }
      }
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'permission')
        throw new ConnectorError(
          'permission',
          `${error.message}. Reading apps needs the okta.apps.read scope (or a read-only admin API token); ` +
            'or turn off includeApps to read users only',
        );
      throw error;
    }
  },
});

/** An app's record and an account per assigned user, page by page. */
async function* appRecords(
  reader: OktaReader,
  app: OktaApp,
  context: {
    pageSize: number;
    done: number;
    /** Per app name, the filter that keeps each email once. */
    accountsOf: Map<string, (emails: string[]) => string[]>;
    emailOfUser: (id: string) => string | undefined;
  },
): AsyncGenerator<Page> {
  const { pageSize, done, accountsOf, emailOfUser } = context;
  const name = String(app.label).trim();
  const appId = String(app.id);
  let once = accountsOf.get(name);
  if (!once) {
    once = firstOfEach<string>((e) => e);
    accountsOf.set(name, once);
    yield {
      records: [{ type: 'app', name, domain: appDomain(app), ref: `apps (${appId})` }],
      progress: { done },
    };
  }
  let pageNumber = 0;
  for await (const assigned of reader.pages<OktaAppUser>(`/api/v1/apps/${encodeURIComponent(appId)}/users`, {
    limit: pageSize,
  })) {
    pageNumber += 1;
    const records: SourceRecordInput[] = [];
    assigned.forEach((appUser, i) => {
      const email = appUserEmail(appUser, emailOfUser);
      // An assignment with no address Roster can name is left out; one listed twice is counted once.
      if (!email || once([email]).length === 0) return;
      records.push({
        type: 'account',
        app: name,
        email,
        externalId: typeof appUser.id === 'string' ? appUser.id : null,
        // An assignment says the person may sign in to the app; Okta does not say when they last did.
        status: 'active',
        lastUsedAt: null,
        ref: `apps/${appId}/users[page ${pageNumber}, item ${i + 1}]`,
      });
    });
    yield { records, progress: { done } };
  }
}

/** Lists of one Okta collection, following `Link: rel="next"` as an opaque URL on the org's own host. */
class OktaReader {
  constructor(
    private readonly baseUrl: string,
    private readonly http: ProviderHttp,
  ) {}

  async *pages<T>(path: string, query: Record<string, string | number>): AsyncGenerator<T[]> {
    const first = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(query)) first.searchParams.set(k, String(v));
    const pages = followPages(
      PROVIDER,
      first.toString(),
      async (url) => {
        const { body, headers } = await this.http.getJson<unknown>(url);
        if (!Array.isArray(body))
          throw new ConnectorError(
            'invalid_data',
            `${PROVIDER} answered ${path} with something other than a list`,
          );
        const next = nextLink(headers);
        return { items: body as T[], next: next ? sameOrigin(this.baseUrl, next) : null };
      },
      (page) => page.next,
    );
    for await (const page of pages) yield page.items;
  }
}
