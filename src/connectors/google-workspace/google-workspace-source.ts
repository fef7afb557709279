import { z } from 'zod';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { firstOfEach, followPages } from '../kit/paging.js';
import { httpTuningSchema } from '../kit/provider-http.js';
import { domainRecordSchema, type SourceRecordInput } from '../kit/records.js';
import { advancedField, privateKeyField, secretField } from '../kit/settings-schema.js';
import { type GoogleCredentials, googleHttp, provider, scopes } from './google-client.js';
import { googleDeprovisioner } from './google-deprovision.js';
import { type Licenses, readLicenses } from './google-licenses.js';
import { type OAuthAppReader, oauthAppRecords, pacer } from './google-oauth-apps.js';
import { googleLicenseRemover } from './google-remove-license.js';
import { type GoogleUser, userName, userRecords, workspaceApp } from './google-users.js';

/** An http(s) URL defaulting to one of Google's hosts, kept without a trailing slash. */
const googleUrl = (fallback: string, meta: { title: string; description: string }) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((u) => u.replace(/\/+$/, ''))
    .meta({ ...meta, description: `${meta.description} Default: ${fallback}`, ...advancedField });

const configSchema = z.strictObject({
  baseUrl: googleUrl('https://admin.googleapis.com', {
    title: 'Directory API URL',
    description: 'Admin SDK Directory API host; change it only for a proxy.',
  }),
  licensingBaseUrl: googleUrl('https://licensing.googleapis.com', {
    title: 'License Manager URL',
    description: 'Enterprise License Manager API host; change it only for a proxy.',
  }),
  tokenUrl: googleUrl('https://oauth2.googleapis.com/token', {
    title: 'Token URL',
    description: 'Where the service account trades its signed assertion for an access token.',
  }),
  customer: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be my_customer or a customer id such as C01234abc')
    .default('my_customer')
    .meta({
      title: 'Customer',
      description:
        'my_customer (the account of the admin below) or a customer ID from Admin console → Account → Account settings, such as C01234abc.',
      examples: ['my_customer'],
    }),
  adminEmail: z
    .email()
    .max(320)
    .optional()
    .meta({
      title: 'Admin email',
      description:
        'A super admin the service account acts for through domain-wide delegation. Needed with a service account key, not with an access token.',
      examples: ['admin@acme.com'],
    }),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(500)
    .default(500)
    .meta({
      title: 'Users per page',
      description: 'At most 500, Google’s limit. Default: 500.',
      ...advancedField,
    }),
  projection: z.enum(['basic', 'full']).default('basic').meta({
    title: 'User fields',
    description: 'full also syncs custom schema fields into employee attributes (as Schema.field).',
  }),
  licenseProducts: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/),
    )
    .max(50)
    .default(['Google-Apps'])
    .meta({
      title: 'Licence products',
      description:
        'Enterprise License Manager product IDs whose assignments become licences: Google-Apps is Workspace itself; add e.g. 101047 (Gemini) or 101033 (Google Voice). Empty: no licences are read.',
      examples: [['Google-Apps', '101047']],
    }),
  discoverOAuthApps: z.boolean().default(true).meta({
    title: 'Discover third-party apps',
    description:
      'Adds the apps people granted access to their Google account (OAuth grants): one request per user, and a scope that can also revoke grants.',
  }),
  oauthConcurrency: z
    .number()
    .int()
    .min(1)
    .max(32)
    .default(8)
    .meta({
      title: 'Grant look-ups at once',
      description: 'Users whose third-party grants are read at the same time. Default: 8.',
      ...advancedField,
    }),
  oauthRequestsPerMinute: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(1800)
    .meta({
      title: 'Grant look-ups per minute',
      description:
        'Kept below Google’s default Directory API quota (2,400 a minute per project) to leave room for other tools; 50,000 users take about 28 minutes at the default, 1800.',
      ...advancedField,
    }),
  http: httpTuningSchema,
});
type Config = z.output<typeof configSchema>;

const credentialsSchema = z.union([
  // The JSON key file as Google hands it out; fields Roster does not use are dropped.
  z
    .object({
      type: z.literal('service_account').optional().meta({
        title: 'Key type',
        description: 'service_account, as in the key file.',
      }),
      client_email: z
        .email()
        .max(320)
        .meta({
          title: 'Service account email',
          description: 'client_email in the service account’s JSON key file.',
          examples: ['roster@acme-project.iam.gserviceaccount.com'],
        }),
      private_key: z
        .string()
        .min(1)
        .max(16_384)
        .meta({
          title: 'Private key',
          description:
            'private_key in the JSON key file: the PEM text from -----BEGIN PRIVATE KEY----- to the end; line breaks written as \\n may stay so.',
          ...secretField,
          ...privateKeyField,
        }),
      private_key_id: z
        .string()
        .max(200)
        .optional()
        .meta({ title: 'Private key ID', description: 'private_key_id in the JSON key file.' }),
    })
    .meta({
      title: 'Service account key',
      description: 'A key of a service account with domain-wide delegation for the scopes Roster reads.',
    }),
  z
    .strictObject({
      accessToken: z
        .string()
        .min(1)
        .max(8192)
        .meta({
          title: 'Access token',
          description:
            'An OAuth access token minted elsewhere. Roster cannot renew it: syncs fail once it expires.',
          ...secretField,
        }),
    })
    .meta({ title: 'Access token' }),
]);

interface UsersPage {
  users?: GoogleUser[];
  nextPageToken?: string;
}

interface DomainsAnswer {
  domains?: {
    domainName?: string;
    verified?: boolean;
    isPrimary?: boolean;
    domainAliases?: { domainAliasName?: string; verified?: boolean }[];
  }[];
}

/** Google Workspace through the Admin SDK: users, aliases, domains, licences and third-party OAuth apps. */
export const googleWorkspaceSourceKind = defineSourceKind<Config, GoogleCredentials>({
  kind: 'google-workspace',
  title: 'Google Workspace',
  description:
    'Users, aliases, domains, Workspace licences and the third-party apps people granted access to, from the Google Admin SDK (service account with domain-wide delegation).',
  capabilities: capabilities(['users', 'aliases', 'licenseTypes', 'lastUsed', 'employees', 'deprovisioning']),
  // Every Workspace account; of the apps people granted access with Google, only those grants.
  coverageOf: (app) => (app.toLowerCase() === 'google workspace' ? 'full' : 'partial'),
  mode: 'pull',
  configSchema,
  credentialsSchema: credentialsSchema as z.ZodType<GoogleCredentials>,
  async *fetch({ config, credentials, signal, outbound }) {
    const http = googleHttp({
      credentials,
      adminEmail: config.adminEmail,
      tokenUrl: config.tokenUrl,
      scopes: requestedScopes(config),
      signal,
      outbound,
      http: config.http,
    });

    const { records: domainRecords, primaryDomain } = await readDomains(http, config);
    yield {
      ...(config.licenseProducts.length
        ? {}
        : {
            unavailable: [
              {
                capability: 'licenseTypes' as const,
                reason: 'No licence products are configured (licenseProducts)',
              },
            ],
          }),
      records: [
        { type: 'app', ref: 'Google Workspace', name: workspaceApp, domain: 'workspace.google.com' },
        ...domainRecords,
      ],
    };

    const first = new URL(`${config.baseUrl}/admin/directory/v1/users`);
    first.searchParams.set('customer', config.customer);
    first.searchParams.set('maxResults', String(config.pageSize));
    first.searchParams.set('projection', config.projection);
    const pages = followPages(
      `${provider} users`,
      first.href,
      async (url) => (await http.getJson<UsersPage>(url)).body,
      (page) => {
        if (!page.nextPageToken) return null;
        const next = new URL(first);
        next.searchParams.set('pageToken', page.nextPageToken);
        return next.href;
      },
    );
    const once = firstOfEach<GoogleUser>((u) => u.id ?? u.primaryEmail ?? '');
    const oauth: OAuthAppReader = {
      http,
      baseUrl: config.baseUrl,
      concurrency: config.oauthConcurrency,
      pace: pacer(config.oauthRequestsPerMinute, signal),
      seen: new Map(),
    };
    let licenses: Licenses | undefined;
    let pageNumber = 0;
    let done = 0;
    for await (const page of pages) {
      pageNumber += 1;
      const records: SourceRecordInput[] = [];
      const listed = page.users ?? [];
      if (!licenses && listed.length && config.licenseProducts.length) {
        // The licensing API wants the customer id; `my_customer` is a Directory API alias, so take the id
        // Google puts on every user (else the primary domain, which the licensing API also accepts).
        const customerId =
          config.customer !== 'my_customer'
            ? config.customer
            : (listed.find((u) => u.customerId)?.customerId ?? primaryDomain);
        if (customerId) {
          licenses = await readLicenses(http, config.licensingBaseUrl, customerId, config.licenseProducts);
          records.push(...licenses.types);
        }
      }
      const users = once(listed).filter(
        (u): u is GoogleUser & { primaryEmail: string } => typeof u.primaryEmail === 'string',
      );
      for (const user of users) {
        const ref = user.id ?? `users[page ${pageNumber}, item ${listed.indexOf(user) + 1}]`;
        const held = licenses?.byEmail.get(user.primaryEmail.trim().toLowerCase()) ?? [];
        records.push(...userRecords(user, ref, held));
      }
      if (config.discoverOAuthApps && users.length) {
        const grantees = users
          .filter((u) => u.id)
          .map((u) => ({ id: u.id!, email: u.primaryEmail, name: userName(u) }));
        records.push(...(await oauthAppRecords(oauth, grantees)));
      }
      done += users.length;
      yield { records, progress: { done } };
    }
  },
  deprovisioner: { ...googleDeprovisioner, licenses: googleLicenseRemover },
});

function requestedScopes(config: Config): string[] {
  return [
    scopes.users,
    scopes.domains,
    ...(config.discoverOAuthApps ? [scopes.oauthTokens] : []),
    ...(config.licenseProducts.length ? [scopes.licenses] : []),
  ];
}

/** Verified domains and domain aliases: Google delivers mail for every user at each domain alias too. */
async function readDomains(
  http: ReturnType<typeof googleHttp>,
  config: Config,
): Promise<{ records: SourceRecordInput[]; primaryDomain: string | undefined }> {
  const url = `${config.baseUrl}/admin/directory/v1/customer/${encodeURIComponent(config.customer)}/domains`;
  const { body } = await http.getJson<DomainsAnswer>(url);
  const records: SourceRecordInput[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined, verified: boolean | undefined, ref: string) => {
    const n = name?.trim().toLowerCase();
    // A name Roster's domain rule cannot hold (an internationalised top-level domain) is left out rather
    // than failing the whole run.
    if (!n || seen.has(n) || !domainRecordSchema.shape.name.safeParse(n).success) return;
    seen.add(n);
    records.push({ type: 'domain', ref, name: n, verified: verified === true });
  };
  for (const domain of body.domains ?? []) {
    add(domain.domainName, domain.verified, `domains[${domain.domainName}]`);
    for (const alias of domain.domainAliases ?? [])
      add(alias.domainAliasName, alias.verified, `domainAliases[${alias.domainAliasName}]`);
  }
  const primaryDomain = body.domains?.find((d) => d.isPrimary)?.domainName;
  return { records, primaryDomain };
}
