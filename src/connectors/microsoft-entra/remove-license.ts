import { ConnectorError } from '../kit/connector-error.js';
import { alreadyGone, type LicenseRemover, type PlannedCall, unlessGone } from '../kit/deprovision.js';
import {
  clientFor,
  type EntraConfig,
  type EntraCredentials,
  type GraphUserState,
  handles,
  licencesOf,
  lookUp,
  withPermissionHint,
} from './deprovision.js';
import type { GraphClient } from './graph-client.js';
import { licenseTypeRecords, type SubscribedSku } from './licenses.js';

/**
 * One licence of a Microsoft 365 user removed with `POST /users/{id}/assignLicense` (`removeLicenses`: the
 * SKU), the user left as they are. The licence type's name is matched back to its SKU through
 * `/subscribedSkus`, named the way a sync names it. Needs LicenseAssignment.ReadWrite.All.
 */
export const entraLicenseRemover: LicenseRemover<EntraConfig, EntraCredentials> = {
  plan(config, target) {
    const base = config.baseUrl.replace(/\/+$/, '');
    const id = target.externalId ? encodeURIComponent(target.externalId) : '{id}';
    const calls: PlannedCall[] = [
      { method: 'GET', url: `${base}/subscribedSkus`, purpose: `Find the SKU of ${target.licenseType}` },
    ];
    if (!target.externalId)
      calls.push({
        method: 'GET',
        url: `${base}/users`,
        purpose: `Find the user whose mail or user principal name is ${target.email}`,
      });
    calls.push(
      { method: 'GET', url: `${base}/users/${id}`, purpose: 'Read which licences are assigned, and how' },
      {
        method: 'POST',
        url: `${base}/users/${id}/assignLicense`,
        purpose: `Remove ${target.licenseType} (removeLicenses)`,
      },
    );
    return calls;
  },

  async removeLicense(context, target) {
    if (!handles(target.app))
      throw new ConnectorError(
        'fatal',
        `Microsoft Entra ID removes Microsoft 365 licences only, not ${target.app}'s`,
      );
    const client = clientFor(context);
    try {
      const skuIds = await skusNamed(client, target.licenseType);
      if (skuIds.length === 0)
        return {
          outcome: 'already',
          summary: `The tenant no longer has a subscription named ${target.licenseType}, so no licence of it is left to remove`,
        };
      const id = target.externalId ?? (await lookUp(client, target.email));
      if (!id) return { outcome: 'already', summary: `Microsoft Entra ID has no user ${target.email}` };
      const path = `/users/${encodeURIComponent(id)}`;
      const user = await unlessGone(() =>
        client.get<GraphUserState>(`${path}?$select=id,assignedLicenses,licenseAssignmentStates`),
      );
      if (!user) return alreadyGone('Microsoft Entra ID', target);
      const { direct, byGroup } = licencesOf(user);
      const held = (list: string[]) => list.filter((s) => skuIds.includes(s.toLowerCase()));
      const toRemove = held(direct);
      if (toRemove.length === 0) {
        if (held(byGroup).length)
          throw new ConnectorError(
            'fatal',
            `${target.licenseType} comes to ${target.email} from group membership: Microsoft Graph removes it only when they leave that group`,
          );
        return { outcome: 'already', summary: `${target.email} no longer holds ${target.licenseType}` };
      }
      const removed = await unlessGone(() =>
        client.write('POST', `${path}/assignLicense`, { addLicenses: [], removeLicenses: toRemove }),
      );
      if (!removed) return alreadyGone('Microsoft Entra ID', target);
      return { outcome: 'done', summary: `Removed ${target.licenseType} from ${target.email}` };
    } catch (error) {
      throw withPermissionHint(error);
    }
  },
};

/** The SKU ids (lower case) a sync names `licenseType`. */
async function skusNamed(client: GraphClient, licenseType: string): Promise<string[]> {
  const skus: SubscribedSku[] = [];
  for await (const page of client.pages<SubscribedSku>('/subscribedSkus')) skus.push(...page.value);
  const wanted = licenseType.trim().toLowerCase();
  return [...licenseTypeRecords(skus).skuNames]
    .filter(([, name]) => name.toLowerCase() === wanted)
    .map(([skuId]) => skuId);
}
