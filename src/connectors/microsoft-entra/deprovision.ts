import { ConnectorError } from '../kit/connector-error.js';
import {
  alreadyGone,
  type DeprovisionContext,
  type Deprovisioner,
  type PlannedCall,
  unlessGone,
} from '../kit/deprovision.js';
import type { HttpTuning } from '../kit/provider-http.js';
import { type GraphClient, type GraphPage, graphClient, provider } from './graph-client.js';
import { microsoft365 } from './users.js';

/**
 * Deprovisioning through Microsoft Graph: the leaver's Microsoft 365 account (the directory user) has its
 * sign-in blocked (`accountEnabled: false`), then every licence assigned directly removed, so the seats
 * come free (a licence a group hands out cannot be removed from the user; the summary names them). Needs the
 * application permissions User.EnableDisableAccount.All and LicenseAssignment.ReadWrite.All (or
 * User.ReadWrite.All); the read permissions a sync uses are not enough.
 */

/** The config fields deprovisioning reads (the source's config has more). */
export interface EntraConfig {
  tenantId: string;
  clientId?: string | undefined;
  baseUrl: string;
  tokenUrl?: string | undefined;
  http?: HttpTuning;
}
export type EntraCredentials = { clientSecret: string } | { accessToken: string };

export interface GraphUserState {
  id: string;
  accountEnabled?: boolean | null;
  assignedLicenses?: { skuId?: string | null }[] | null;
  licenseAssignmentStates?: { skuId?: string | null; assignedByGroup?: string | null }[] | null;
}

/**
 * The licences Graph lets Roster remove (assigned directly) and those a group hands out, which `assignLicense`
 * refuses: they go when the user leaves the group. Without `licenseAssignmentStates`, every licence counts
 * as direct.
 */
export function licencesOf(user: GraphUserState): { direct: string[]; byGroup: string[] } {
  const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.length > 0;
  const states = user.licenseAssignmentStates;
  if (!states)
    return {
      direct: [...new Set((user.assignedLicenses ?? []).map((l) => l.skuId).filter(present))],
      byGroup: [],
    };
  const direct = new Set(
    states
      .filter((l) => !l.assignedByGroup)
      .map((l) => l.skuId)
      .filter(present),
  );
  const byGroup = new Set(
    states
      .filter((l) => l.assignedByGroup)
      .map((l) => l.skuId)
      .filter(present),
  );
  return { direct: [...direct], byGroup: [...byGroup].filter((s) => !direct.has(s)) };
}

export const writePermissionHint =
  'Deprovisioning needs the User.EnableDisableAccount.All and LicenseAssignment.ReadWrite.All application permissions (or User.ReadWrite.All), with admin consent';

export function tokenUrlOf(config: EntraConfig): string {
  return (
    config.tokenUrl ??
    `https://login.microsoftonline.com/${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`
  );
}

export const handles = (app: string) => app.trim().toLowerCase() === microsoft365.name.toLowerCase();

export const entraDeprovisioner: Deprovisioner<EntraConfig, EntraCredentials> = {
  handles: (_config, app) => handles(app),

  describe: () =>
    'Blocks the user’s sign-in to Microsoft Entra ID (Microsoft 365) and removes every licence assigned to them directly.',

  plan(config, target) {
    const base = config.baseUrl.replace(/\/+$/, '');
    const id = target.externalId ? encodeURIComponent(target.externalId) : '{id}';
    const calls: PlannedCall[] = [];
    if (!target.externalId)
      calls.push({
        method: 'GET',
        url: `${base}/users`,
        purpose: `Find the user whose mail or user principal name is ${target.email}`,
      });
    calls.push(
      {
        method: 'GET',
        url: `${base}/users/${id}`,
        purpose: 'Read whether sign-in is enabled and which licences are assigned',
      },
      { method: 'PATCH', url: `${base}/users/${id}`, purpose: 'Block sign-in (accountEnabled: false)' },
      {
        method: 'POST',
        url: `${base}/users/${id}/assignLicense`,
        purpose: 'Remove every directly assigned licence (group-based ones go with group membership)',
      },
    );
    return calls;
  },

  async deprovision(context, target) {
    if (!handles(target.app))
      throw new ConnectorError(
        'fatal',
        `${provider} deprovisions Microsoft 365 accounts only, not ${target.app}`,
      );
    const client = clientFor(context);
    try {
      const id = target.externalId ?? (await lookUp(client, target.email));
      if (!id) return { outcome: 'already', summary: `Microsoft Entra ID has no user ${target.email}` };
      const path = `/users/${encodeURIComponent(id)}`;
      const user = await unlessGone(() =>
        client.get<GraphUserState>(
          `${path}?$select=id,accountEnabled,assignedLicenses,licenseAssignmentStates`,
        ),
      );
      if (!user) return alreadyGone('Microsoft Entra ID', target);
      const { direct: skuIds, byGroup } = licencesOf(user);
      const enabled = user.accountEnabled !== false;
      const fromGroups = byGroup.length
        ? `; ${byGroup.length === 1 ? '1 licence comes' : `${byGroup.length} licences come`} from group membership and ${byGroup.length === 1 ? 'stays' : 'stay'} until the user leaves those groups`
        : '';
      if (!enabled && skuIds.length === 0)
        return {
          outcome: 'already',
          summary: `Sign-in was already blocked and no licence was assigned directly${fromGroups}`,
        };
      const done: string[] = [];
      if (enabled) {
        if (!(await unlessGone(() => client.write('PATCH', path, { accountEnabled: false }))))
          return alreadyGone('Microsoft Entra ID', target);
        done.push('Blocked sign-in');
      } else done.push('Sign-in was already blocked');
      if (skuIds.length) {
        const removed = await unlessGone(() =>
          client.write('POST', `${path}/assignLicense`, { addLicenses: [], removeLicenses: skuIds }),
        );
        if (!removed) return alreadyGone('Microsoft Entra ID', target);
        done.push(`removed ${skuIds.length} licence${skuIds.length === 1 ? '' : 's'}`);
      }
      return { outcome: 'done', summary: `${done.join(' and ')}${fromGroups}` };
    } catch (error) {
      throw withPermissionHint(error);
    }
  },
};

export function clientFor(context: DeprovisionContext<EntraConfig, EntraCredentials>): GraphClient {
  if (!context.credentials)
    throw new ConnectorError('auth', 'This source has no client secret or access token');
  return graphClient({
    baseUrl: context.config.baseUrl,
    tokenUrl: tokenUrlOf(context.config),
    clientId: context.config.clientId,
    credentials: context.credentials,
    signal: context.signal,
    outbound: context.outbound,
    http: context.config.http,
    onAnswer: context.onCall,
  });
}

/** The user id behind an address: Graph matches `mail` or the user principal name. */
export async function lookUp(client: GraphClient, email: string): Promise<string | undefined> {
  const literal = email.replace(/'/g, "''");
  const filter = encodeURIComponent(`mail eq '${literal}' or userPrincipalName eq '${literal}'`);
  const page = await client.get<GraphPage<{ id?: string }>>(`/users?$filter=${filter}&$select=id`);
  const ids = (page?.value ?? []).map((u) => u.id).filter((id): id is string => Boolean(id));
  if (ids.length > 1)
    throw new ConnectorError(
      'fatal',
      `${provider} has ${ids.length} users with the address ${email}; deprovision the right one by hand`,
    );
  return ids[0];
}

export function withPermissionHint(error: unknown): unknown {
  if (error instanceof ConnectorError && error.code === 'permission')
    return new ConnectorError('permission', `${error.message}. ${writePermissionHint}`, error.details);
  return error;
}
