import { ConnectorError } from '../kit/connector-error.js';
import type { Deprovisioner, DeprovisionResult, PlannedCall } from '../kit/deprovision.js';
import type { ProviderHttp } from '../kit/provider-http.js';
import { SCIM_PATCH_OP, scimHttp, scimProvider, userNameFilter, userUrl } from './scim-client.js';
import type { ScimConfig, ScimCredentials } from './scim-settings.js';
import { type ScimUser, scimUserId } from './scim-users.js';

/** RFC 7644 §3.5.2: the PatchOp that deactivates a user. */
export const deactivateOp = {
  schemas: [SCIM_PATCH_OP],
  Operations: [{ op: 'replace', path: 'active', value: false }],
};

/**
 * Offboarding through a SCIM service: `deactivate` (the default) reads the user and, unless it is already
 * inactive, PATCHes `active` to false; `delete` DELETEs the user. The state is read first rather than
 * judged from the PATCH answer because services differ there (some answer 204, some the user, whether or
 * not anything changed). A user the service no longer has (404, or no match by userName) is `already`.
 */
export const scimDeprovisioner: Deprovisioner<ScimConfig, ScimCredentials> = {
  handles: (config, app) => sameApp(config.app, app),

  describe: (config, app) =>
    config.deprovision === 'delete'
      ? `Deletes the user from ${app} through its SCIM service.`
      : `Deactivates the user in ${app} through its SCIM service (active set to false; the account can be restored there).`,

  plan(config, target) {
    const calls: PlannedCall[] = [];
    // The id found by the lookup is unknown until then: the URL shows where it goes.
    const at = target.externalId
      ? userUrl(config.baseUrl, target.externalId)
      : `${config.baseUrl}/Users/{id}`;
    if (!target.externalId)
      calls.push({
        method: 'GET',
        url: `${config.baseUrl}/Users`,
        purpose: `Finds the user with filter ${userNameFilter(target.email)} (Roster has no SCIM id for them); none found means nothing to do`,
      });
    if (config.deprovision === 'delete') {
      calls.push({ method: 'DELETE', url: at, purpose: 'Deletes the user' });
      return calls;
    }
    if (target.externalId)
      calls.push({
        method: 'GET',
        url: at,
        purpose: 'Reads the user; an inactive or unknown user needs nothing more',
      });
    calls.push({
      method: 'PATCH',
      url: at,
      purpose: 'Sets active to false (PatchOp replace)',
    });
    return calls;
  },

  async deprovision(context, target): Promise<DeprovisionResult> {
    const { config } = context;
    const http = scimHttp({
      config,
      credentials: context.credentials,
      signal: context.signal,
      outbound: context.outbound,
      onAnswer: context.onCall,
    });
    const provider = scimProvider(config.baseUrl);
    let id = target.externalId;
    let user: ScimUser | null = null;
    if (!id) {
      user = await findByUserName(http, config.baseUrl, target.email, provider);
      if (!user) return { outcome: 'already', summary: `No user named ${target.email} in the SCIM service` };
      id = scimUserId(user);
      if (!id) throw new ConnectorError('invalid_data', `${provider} listed ${target.email} without an id`);
    }
    if (config.deprovision === 'delete') {
      const answer = await unlessGone(() => http.write('DELETE', userUrl(config.baseUrl, id)));
      return answer === 'gone'
        ? { outcome: 'already', summary: 'The SCIM service no longer has the user' }
        : { outcome: 'done', summary: 'Deleted the user through SCIM' };
    }
    if (!user) {
      const read = await unlessGone(() => http.getJson<ScimUser>(userUrl(config.baseUrl, id)));
      if (read === 'gone') return { outcome: 'already', summary: 'The SCIM service no longer has the user' };
      user = read.body;
    }
    if (user.active === false)
      return { outcome: 'already', summary: 'The user was already inactive in the SCIM service' };
    const answer = await unlessGone(() =>
      http.write<ScimUser>('PATCH', userUrl(config.baseUrl, id), deactivateOp),
    );
    if (answer === 'gone') return { outcome: 'already', summary: 'The SCIM service no longer has the user' };
    // A 200 may carry the user as it now is: one still active means the service ignored the operation,
    // which must not count as done. A body without `active` (some services answer less) says nothing.
    if (answer.body && typeof answer.body === 'object' && answer.body.active === true)
      throw new ConnectorError(
        'fatal',
        `${provider} accepted the deactivation but still shows the user as active`,
      );
    return { outcome: 'done', summary: 'Deactivated the user through SCIM (active: false)' };
  },
};

/** The user whose userName is the address, or null when the service has none. */
async function findByUserName(
  http: ProviderHttp,
  baseUrl: string,
  email: string,
  provider: string,
): Promise<ScimUser | null> {
  const url = new URL(`${baseUrl}/Users`);
  url.searchParams.set('filter', userNameFilter(email));
  const { body } = await http.getJson<{ Resources?: unknown }>(url);
  const found = Array.isArray(body?.Resources) ? (body.Resources as ScimUser[]) : [];
  if (found.length > 1)
    throw new ConnectorError(
      'invalid_data',
      `${provider} has ${found.length} users named ${email}; Roster deprovisions one user only`,
    );
  return found[0] ?? null;
}

/** Runs a request about one user; 'gone' when the service answers 404 (deleted already, or never there). */
async function unlessGone<T>(request: () => Promise<T>): Promise<T | 'gone'> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'not_found') return 'gone';
    throw error;
  }
}

function sameApp(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
