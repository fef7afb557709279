import { ConnectorError } from '../kit/connector-error.js';
import { alreadyGone, type LicenseRemover, unlessGone } from '../kit/deprovision.js';
import { type GoogleCredentials, googleHttp, provider, scopes } from './google-client.js';
import { type GoogleConfig, handles, withScopeHint } from './google-deprovision.js';
import { assignmentsOf } from './google-licenses.js';
import type { GoogleUser } from './google-users.js';

/**
 * One licence of a Google Workspace user removed through the Enterprise License Manager
 * (`licenseAssignments.delete`: `DELETE …/product/{productId}/sku/{skuId}/user/{userId}`), the user left as
 * they are. The assignment is found among the configured `licenseProducts` by the name a sync gives its
 * SKU. Needs the apps.licensing scope in the service account's domain-wide delegation.
 */
export const googleLicenseRemover: LicenseRemover<GoogleConfig, GoogleCredentials> = {
  plan(config, target) {
    const licensing = `${config.licensingBaseUrl}/apps/licensing/v1/product`;
    return [
      {
        method: 'GET',
        url: `${config.baseUrl}/admin/directory/v1/users/${encodeURIComponent(target.externalId ?? target.email)}`,
        purpose: `Find the user ${target.email}`,
      },
      ...config.licenseProducts.map((productId) => ({
        method: 'GET' as const,
        url: `${licensing}/${encodeURIComponent(productId)}/users`,
        purpose: `List the licence assignments of ${productId} to find the user's ${target.licenseType}`,
      })),
      {
        method: 'DELETE',
        url: `${licensing}/{productId}/sku/{skuId}/user/{primaryEmail}`,
        purpose: `Remove the assignment of ${target.licenseType}`,
      },
    ];
  },

  async removeLicense(context, target) {
    if (!handles(target.app))
      throw new ConnectorError(
        'fatal',
        `${provider} removes Google Workspace licences only, not ${target.app}'s`,
      );
    const { config } = context;
    if (!config.licenseProducts.length)
      throw new ConnectorError(
        'fatal',
        'This Google Workspace source has no licence products configured (licenseProducts), so it cannot remove licences',
      );
    const http = googleHttp({
      credentials: context.credentials,
      adminEmail: config.adminEmail,
      tokenUrl: config.tokenUrl,
      scopes: [scopes.users, scopes.licenses],
      signal: context.signal,
      outbound: context.outbound,
      http: config.http,
      onAnswer: context.onCall,
    });
    try {
      const userUrl = `${config.baseUrl}/admin/directory/v1/users/${encodeURIComponent(target.externalId ?? target.email)}`;
      const user = await unlessGone(async () => (await http.getJson<GoogleUser>(userUrl)).body);
      if (!user?.primaryEmail) return alreadyGone('Google Workspace', target);
      const customerId = config.customer !== 'my_customer' ? config.customer : user.customerId;
      if (!customerId)
        throw new ConnectorError('invalid_data', `${provider} answered the user without its customerId`);
      const wanted = target.licenseType.trim().toLowerCase();
      const held = (
        await assignmentsOf(
          http,
          config.licensingBaseUrl,
          customerId,
          config.licenseProducts,
          user.primaryEmail,
        )
      ).filter((a) => a.name.toLowerCase() === wanted);
      let removed = 0;
      for (const license of held) {
        const url = `${config.licensingBaseUrl}/apps/licensing/v1/product/${encodeURIComponent(license.productId)}/sku/${encodeURIComponent(license.skuId)}/user/${encodeURIComponent(license.userId)}`;
        // A 404 means the assignment went meanwhile (a retry after a lost answer): nothing left to remove.
        if (await unlessGone(() => http.write('DELETE', url))) removed += 1;
      }
      return removed
        ? { outcome: 'done', summary: `Removed ${target.licenseType} from ${user.primaryEmail}` }
        : { outcome: 'already', summary: `${user.primaryEmail} no longer holds ${target.licenseType}` };
    } catch (error) {
      throw withScopeHint(error);
    }
  },
};
