import { z } from 'zod';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind, type Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { firstOfEach } from '../kit/paging.js';
import { httpTuningSchema } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';
import { advancedField, secretField } from '../kit/settings-schema.js';
import { entraDeprovisioner, tokenUrlOf } from './deprovision.js';
import { enterpriseAppPages } from './enterprise-apps.js';
import { type GraphClient, type GraphPage, graphClient, hasGraphCode } from './graph-client.js';
import { licenseTypeRecords, type SubscribedSku } from './licenses.js';
import { entraLicenseRemover } from './remove-license.js';
import { clientSecretExpiry } from './secret-expiry.js';
import { emailOf, type GraphUser, microsoft365, userProperties, userRecords } from './users.js';

const maxPageSize = 999;
/** Graph's documented page size limit when `signInActivity` is selected. */
const signInActivityPageSize = 120;

const configSchema = z.strictObject({
  tenantId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a directory (tenant) ID or a domain of the tenant')
    .meta({
      title: 'Directory (tenant) ID',
      description:
        'Directory (tenant) ID from Microsoft Entra admin center → Overview, or one of the tenant’s domains.',
      examples: ['contoso.onmicrosoft.com'],
    }),
  clientId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({
      title: 'Application (client) ID',
      description:
        'Application (client) ID of the app registration Roster signs in as (App registrations → the app → Overview). Needed with a client secret.',
      examples: ['00000000-0000-0000-0000-000000000000'],
    }),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .default('https://graph.microsoft.com/v1.0')
    .meta({
      title: 'Microsoft Graph URL',
      description:
        'Change it only for a national cloud or a proxy. Default: https://graph.microsoft.com/v1.0',
      ...advancedField,
    }),
  tokenUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      title: 'Token URL',
      description:
        'Where Roster trades the client secret for a token. Default: https://login.microsoftonline.com/{tenant ID}/oauth2/v2.0/token',
      ...advancedField,
    }),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(maxPageSize)
    .optional()
    .meta({
      title: 'Users per page',
      description: `1–${maxPageSize}; while sign-in activity is read, at most ${signInActivityPageSize}. Default: the most Microsoft Graph allows.`,
      ...advancedField,
    }),
  signInActivity: z.boolean().default(true).meta({
    title: 'Read last sign-ins',
    description:
      'Last use comes from each user’s last sign-in, which needs Microsoft Entra ID P1 or P2 and the AuditLog.Read.All permission. Without them, or turned off, last use is unknown.',
  }),
  discoverApps: z.boolean().default(true).meta({
    title: 'Discover enterprise apps',
    description:
      'Adds the enterprise apps and the users assigned to them; needs the Application.Read.All permission.',
  }),
  http: httpTuningSchema,
});
export type MicrosoftEntraConfig = z.output<typeof configSchema>;

const credentialsSchema = z.union([
  z
    .strictObject({
      clientSecret: z
        .string()
        .min(1)
        .max(4096)
        .meta({
          title: 'Client secret',
          description:
            'The Value of a client secret of the app registration (Certificates & secrets → Client secrets), not its Secret ID.',
          ...secretField,
        }),
    })
    .meta({ title: 'Client secret' }),
  z
    .strictObject({
      accessToken: z
        .string()
        .min(1)
        .max(16_384)
        .meta({
          title: 'Access token',
          description:
            'A Microsoft Graph access token issued elsewhere. Roster cannot renew it: syncs fail once it expires.',
          ...secretField,
        }),
    })
    .meta({ title: 'Access token' }),
]);
export type MicrosoftEntraCredentials = z.output<typeof credentialsSchema>;

/**
 * Microsoft Entra ID through Microsoft Graph: the directory's users as Microsoft 365 accounts (licences,
 * last sign-in), members as employees, proxy addresses and other mails as aliases, verified domains,
 * subscribed SKUs as license types with purchased seats, and enterprise apps with their assigned users.
 */
export const microsoftEntraSourceKind = defineSourceKind<MicrosoftEntraConfig, MicrosoftEntraCredentials>({
  kind: 'microsoft-entra',
  title: 'Microsoft Entra ID',
  description:
    'Users, licences, last sign-ins, email aliases, domains and enterprise apps from Microsoft Entra ID and Microsoft 365 (Microsoft Graph, client credentials).',
  capabilities: capabilities([
    'users',
    'aliases',
    'licenseTypes',
    'purchasedSeats',
    'lastUsed',
    'employees',
    'deprovisioning',
  ]),
  mode: 'pull',
  // Every account of Microsoft 365; of the enterprise apps, only the users assigned to them in Entra.
  coverageOf: (app) => (app.toLowerCase() === microsoft365.name.toLowerCase() ? 'full' : 'partial'),
  configSchema,
  credentialsSchema,
  expiringCredential: {
    title: 'Client secret',
    renew: 'create a new one in Entra and update the source',
  },
  async *fetch({ config, credentials, signal, outbound }) {
    if (!credentials) throw new ConnectorError('auth', 'This source has no client secret or access token');
    const client = graphClient({
      baseUrl: config.baseUrl,
      tokenUrl: tokenUrlOf(config),
      clientId: config.clientId,
      credentials,
      signal,
      outbound,
      http: config.http,
    });

    const domains: SourceRecordInput[] = [];
    for await (const page of withPermission(
      client.pages<{ id?: string; isVerified?: boolean }>('/domains'),
      'Domain.Read.All',
    )) {
      for (const d of page.value)
        if (d.id)
          domains.push({
            type: 'domain',
            name: d.id,
            verified: d.isVerified === true,
            ref: `domains[${d.id}]`,
          });
    }
    const skus: SubscribedSku[] = [];
    for await (const page of withPermission(
      client.pages<SubscribedSku>('/subscribedSkus'),
      'Organization.Read.All',
    )) {
      skus.push(...page.value);
    }
    const { records: licenseTypes, skuNames } = licenseTypeRecords(skus);
    yield { records: [{ type: 'app', ...microsoft365 }, ...domains, ...licenseTypes] };

    const emails = new Map<string, string>();
    yield* userPages(client, config, skuNames, emails);

    if (config.discoverApps)
      yield* withPermission(
        enterpriseAppPages(client, emails, Math.min(config.pageSize ?? maxPageSize, maxPageSize)),
        'Application.Read.All',
        ', or set discoverApps to false in the source config',
      );

    if ('clientSecret' in credentials && config.clientId) {
      const expiresAt = await clientSecretExpiry(client, config.clientId, credentials.clientSecret, signal);
      if (expiresAt) yield { records: [], credentialExpiresAt: expiresAt };
    }
  },
  deprovisioner: { ...entraDeprovisioner, licenses: entraLicenseRemover },
});

/**
 * Every user once, page by page. Sign-in activity is asked for first; when the tenant has no Entra ID P1/P2
 * (or the app lacks AuditLog.Read.All) Graph refuses it with 403, and the users are listed again without
 * it: last use becomes unknown for this source, with Graph's reason, rather than the sync failing.
 */
async function* userPages(
  client: GraphClient,
  config: MicrosoftEntraConfig,
  skuNames: ReadonlyMap<string, string>,
  emails: Map<string, string>,
): AsyncGenerator<Page> {
  const listing = (withSignIns: boolean) => {
    const top = withSignIns
      ? Math.min(config.pageSize ?? signInActivityPageSize, signInActivityPageSize)
      : (config.pageSize ?? maxPageSize);
    const select = withSignIns ? [...userProperties, 'signInActivity'] : userProperties;
    return client.pages<GraphUser>(`/users?$select=${select.join(',')}&$top=${top}`)[Symbol.asyncIterator]();
  };

  let unavailable: Page['unavailable'] = config.signInActivity
    ? undefined
    : [
        {
          capability: 'lastUsed',
          reason: 'Reading sign-in activity is turned off in this source’s settings',
        },
      ];
  let pages = listing(config.signInActivity);
  let next: IteratorResult<GraphPage<GraphUser>>;
  try {
    next = await pages.next();
  } catch (error) {
    const reason = config.signInActivity ? signInActivityUnavailable(error) : undefined;
    if (!reason) throw permissionHint(error, 'User.Read.All');
    unavailable = [{ capability: 'lastUsed', reason }];
    pages = listing(false);
    try {
      next = await pages.next();
    } catch (second) {
      throw permissionHint(second, 'User.Read.All');
    }
  }

  const fresh = firstOfEach<GraphUser>((u) => u.id);
  let done = 0;
  let pageNumber = 0;
  while (!next.done) {
    pageNumber += 1;
    const records: SourceRecordInput[] = [];
    const users = fresh(next.value.value.filter((u) => u && typeof u.id === 'string'));
    users.forEach((user, i) => {
      emails.set(user.id, emailOf(user));
      records.push(
        ...userRecords(user, {
          skuNames,
          lastUsedKnown: !unavailable,
          ref: `users[page ${pageNumber}, item ${i + 1}, id ${user.id}]`,
        }),
      );
    });
    done += users.length;
    yield { records, progress: { done }, ...(pageNumber === 1 && unavailable ? { unavailable } : {}) };
    next = await pages.next();
  }
  if (pageNumber === 0 && unavailable) yield { records: [], unavailable };
}

/** Why sign-in activity cannot be read, when a 403 says so; undefined for any other failure. */
function signInActivityUnavailable(error: unknown): string | undefined {
  if (!(error instanceof ConnectorError) || error.code !== 'permission') return undefined;
  if (hasGraphCode(error, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'))
    return `The tenant has no Microsoft Entra ID P1 or P2 licence, which Microsoft Graph needs to report sign-in activity, so last use is unknown (${error.message})`;
  if (hasGraphCode(error, 'Authorization_RequestDenied'))
    return `The app registration lacks the AuditLog.Read.All permission, which Microsoft Graph needs to report sign-in activity, so last use is unknown (${error.message})`;
  return undefined;
}

/** A 403 names the Graph permission the app registration needs for what was refused. */
function permissionHint(error: unknown, permission: string, otherwise = ''): unknown {
  if (error instanceof ConnectorError && error.code === 'permission' && !/\.Read\.All\b/.test(error.message))
    return new ConnectorError(
      'permission',
      `${error.message}. Grant the app registration the ${permission} application permission (with admin consent)${otherwise}`,
      error.details,
    );
  return error;
}

async function* withPermission<T>(
  pages: AsyncIterable<T>,
  permission: string,
  otherwise?: string,
): AsyncGenerator<T> {
  try {
    yield* pages;
  } catch (error) {
    throw permissionHint(error, permission, otherwise);
  }
}
