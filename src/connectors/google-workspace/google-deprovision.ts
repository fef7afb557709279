import { ConnectorError } from '../kit/connector-error.js';
import {
  alreadyGone,
  type Deprovisioner,
  type DeprovisionTarget,
  type PlannedCall,
  unlessGone,
} from '../kit/deprovision.js';
import type { HttpTuning, ProviderHttp } from '../kit/provider-http.js';
import { type GoogleCredentials, googleHttp, provider, scopes } from './google-client.js';
import { assignmentsOf } from './google-licenses.js';
import { type GoogleUser, workspaceApp } from './google-users.js';

/**
 * Deprovisioning through the Admin SDK: the leaver's Google Workspace user is suspended (sign-in, mail
 * delivery and OAuth access stop; the data stays), then each licence assignment of the configured products
 * is removed through the Enterprise License Manager, so the seat comes free. The service account's
 * domain-wide delegation must include `admin.directory.user` (not only `.readonly`) and `apps.licensing`.
 */

/** The config fields deprovisioning reads (the source's config has more). */
export interface GoogleConfig {
  baseUrl: string;
  licensingBaseUrl: string;
  tokenUrl: string;
  customer: string;
  adminEmail?: string | undefined;
  licenseProducts: string[];
  http?: HttpTuning;
}

export const writeScopeHint = `Deprovisioning needs the ${scopes.usersWrite} scope (not only .readonly) and ${scopes.licenses} in the service account's domain-wide delegation`;

export const handles = (app: string) => app.trim().toLowerCase() === workspaceApp.toLowerCase();

export const googleDeprovisioner: Deprovisioner<GoogleConfig, GoogleCredentials> = {
  handles: (_config, app) => handles(app),

  describe: (config) =>
    config.licenseProducts.length
      ? `Suspends the user in Google Workspace and removes their licences of ${config.licenseProducts.join(', ')}.`
      : 'Suspends the user in Google Workspace (no licence products are configured, so licences stay).',

  plan(config, target) {
    const userKey = encodeURIComponent(target.externalId ?? target.email);
    const user = `${config.baseUrl}/admin/directory/v1/users/${userKey}`;
    const licensing = `${config.licensingBaseUrl}/apps/licensing/v1/product`;
    const calls: PlannedCall[] = [
      {
        method: 'GET',
        url: user,
        purpose: target.externalId
          ? 'Read whether the user is suspended'
          : `Find the user by the address ${target.email} and read whether they are suspended`,
      },
      ...config.licenseProducts.map((productId) => ({
        method: 'GET' as const,
        url: `${licensing}/${encodeURIComponent(productId)}/users`,
        purpose: `List the licence assignments of ${productId} to find the user's`,
      })),
      { method: 'PUT', url: user, purpose: 'Suspend the user (suspended: true)' },
    ];
    if (config.licenseProducts.length)
      calls.push({
        method: 'DELETE',
        url: `${licensing}/{productId}/sku/{skuId}/user/{primaryEmail}`,
        purpose: 'Remove each licence assignment found',
      });
    return calls;
  },

  async deprovision(context, target) {
    if (!handles(target.app))
      throw new ConnectorError(
        'fatal',
        `${provider} deprovisions Google Workspace accounts only, not ${target.app}`,
      );
    const { config } = context;
    const http = googleHttp({
      credentials: context.credentials,
      adminEmail: config.adminEmail,
      tokenUrl: config.tokenUrl,
      scopes: [scopes.usersWrite, ...(config.licenseProducts.length ? [scopes.licenses] : [])],
      signal: context.signal,
      outbound: context.outbound,
      http: config.http,
      onAnswer: context.onCall,
    });
    try {
      return await suspendAndUnlicense(http, config, target);
    } catch (error) {
      throw withScopeHint(error);
    }
  },
};

async function suspendAndUnlicense(http: ProviderHttp, config: GoogleConfig, target: DeprovisionTarget) {
  // The Directory API takes the user's id, primary email or an alias as userKey: with no id, the address is the look-up.
  const userUrl = `${config.baseUrl}/admin/directory/v1/users/${encodeURIComponent(target.externalId ?? target.email)}`;
  const user = await unlessGone(async () => (await http.getJson<GoogleUser>(userUrl)).body);
  if (!user?.primaryEmail) return alreadyGone('Google Workspace', target);
  // Suspending the admin the service account acts as would stop every later request of this source.
  if (config.adminEmail && user.primaryEmail.toLowerCase() === config.adminEmail.toLowerCase())
    throw new ConnectorError(
      'fatal',
      `${user.primaryEmail} is the admin this source acts as (adminEmail); set another super admin in the source first`,
    );
  const customerId = config.customer !== 'my_customer' ? config.customer : user.customerId;
  if (config.licenseProducts.length && !customerId)
    throw new ConnectorError('invalid_data', `${provider} answered the user without its customerId`);
  const held = config.licenseProducts.length
    ? await assignmentsOf(
        http,
        config.licensingBaseUrl,
        customerId!,
        config.licenseProducts,
        user.primaryEmail,
      )
    : [];
  const suspended = user.suspended === true;
  if (suspended && held.length === 0)
    return { outcome: 'already' as const, summary: 'The user was already suspended and held no licence' };

  const done: string[] = [];
  // The id Google gave, so a renamed address cannot point the write at someone else.
  const byId = user.id
    ? `${config.baseUrl}/admin/directory/v1/users/${encodeURIComponent(user.id)}`
    : userUrl;
  if (!suspended) {
    if (!(await unlessGone(() => http.write('PUT', byId, { suspended: true }))))
      return alreadyGone('Google Workspace', target);
    done.push('Suspended the user');
  } else done.push('The user was already suspended');
  let removed = 0;
  for (const license of held) {
    const url = `${config.licensingBaseUrl}/apps/licensing/v1/product/${encodeURIComponent(license.productId)}/sku/${encodeURIComponent(license.skuId)}/user/${encodeURIComponent(license.userId)}`;
    // A 404 means the assignment went meanwhile (a retry after a lost answer): nothing left to remove.
    if (await unlessGone(() => http.write('DELETE', url))) removed += 1;
  }
  if (held.length) done.push(`removed ${removed} licence${removed === 1 ? '' : 's'}`);
  return { outcome: 'done' as const, summary: done.join(' and ') };
}

/** A missing scope shows as a 403 on the call, or as `unauthorized_client` when the assertion asks for it. */
export function withScopeHint(error: unknown): unknown {
  if (
    error instanceof ConnectorError &&
    (error.code === 'permission' || (error.code === 'auth' && error.message.includes('unauthorized_client')))
  )
    return new ConnectorError(error.code, `${error.message}. ${writeScopeHint}`, error.details);
  return error;
}
