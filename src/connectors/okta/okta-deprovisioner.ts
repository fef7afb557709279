import { ConnectorError } from '../kit/connector-error.js';
import type {
  DeprovisionContext,
  Deprovisioner,
  DeprovisionResult,
  DeprovisionTarget,
  PlannedCall,
} from '../kit/deprovision.js';
import type { ProviderHttp } from '../kit/provider-http.js';
import {
  OKTA_DEACTIVATE_SCOPES,
  OKTA_UNASSIGN_SCOPES,
  type OktaCredentials,
  oktaHttp,
  PROVIDER,
} from './okta-client.js';
import { isReportedApp, OKTA_APP, type OktaApp, type OktaUser } from './okta-records.js';

/**
 * Offboarding through Okta. For Okta's own app the user is deactivated, which Okta documents as also
 * deprovisioning every app assignment they held. For an app Okta assigns, the user is unassigned from it.
 *
 * Roster does not store Okta's app ids: the app is found at deprovisioning time by its label
 * (`GET /api/v1/apps?q=`, the name the sync gave the app), so an app renamed in Okta since the last sync
 * fails with a clear error instead of being guessed at, and every Okta app carrying that label (the
 * sync shows two instances with one label as one app) loses the assignment.
 */

/** The config fields deprovisioning reads (the source's whole config satisfies it). */
export interface OktaDeprovisionConfig {
  baseUrl: string;
  tokenUrl?: string | undefined;
  includeApps?: boolean | undefined;
  http?: Parameters<typeof oktaHttp>[0]['http'];
}

const isOktaItself = (app: string) => app.trim().toLowerCase() === OKTA_APP.toLowerCase();

export const oktaDeprovisioner: Deprovisioner<OktaDeprovisionConfig, OktaCredentials> = {
  // Okta itself, and the apps the source reports assignments of (only when it reads apps).
  handles: (config, app) => isOktaItself(app) || config.includeApps !== false,

  describe: (_config, app) =>
    isOktaItself(app)
      ? 'Deactivates the Okta user: they can no longer sign in, and Okta removes every app assigned to them.'
      : `Unassigns the user from ${app} in Okta: they can no longer sign in to it through Okta, and Okta deprovisions the account if it provisions ${app}.`,

  plan(config, target) {
    const calls: PlannedCall[] = [];
    const userId = target.externalId ?? '{id}';
    if (target.externalId === null)
      calls.push({
        method: 'GET',
        url: `${config.baseUrl}/api/v1/users`,
        purpose: `Finds the Okta user whose profile.email is ${target.email}`,
      });
    if (isOktaItself(target.app)) {
      calls.push(
        {
          method: 'GET',
          url: `${config.baseUrl}/api/v1/users/${userId}`,
          purpose: 'Reads the user’s status (a DEPROVISIONED user is already deactivated)',
        },
        {
          method: 'POST',
          url: `${config.baseUrl}/api/v1/users/${userId}/lifecycle/deactivate`,
          purpose: 'Deactivates the user, which removes their app assignments',
        },
      );
      return calls;
    }
    calls.push(
      {
        method: 'GET',
        url: `${config.baseUrl}/api/v1/apps`,
        purpose: `Finds the Okta apps labelled ${target.app}`,
      },
      {
        method: 'DELETE',
        url: `${config.baseUrl}/api/v1/apps/{appId}/users/${userId}`,
        purpose: `Unassigns the user from each app labelled ${target.app}`,
      },
    );
    return calls;
  },

  async deprovision(context, target) {
    const http = await connect(
      context,
      isOktaItself(target.app) ? OKTA_DEACTIVATE_SCOPES : OKTA_UNASSIGN_SCOPES,
    );
    const base = context.config.baseUrl;
    const userId = target.externalId ?? (await userIdByEmail(http, base, target.email));
    if (!userId) return { outcome: 'already', summary: `Okta has no user with the email ${target.email}` };
    return isOktaItself(target.app) ? deactivate(http, base, userId) : unassign(http, base, userId, target);
  },
};

async function connect(
  context: DeprovisionContext<OktaDeprovisionConfig, OktaCredentials>,
  scopes: readonly string[],
): Promise<ProviderHttp> {
  const { config, credentials } = context;
  if (!credentials)
    throw new ConnectorError(
      'auth',
      `${PROVIDER} needs an API token, an access token or an OAuth service app`,
    );
  return oktaHttp({
    baseUrl: config.baseUrl,
    tokenUrl: config.tokenUrl ?? `${config.baseUrl}/oauth2/v1/token`,
    credentials,
    http: config.http,
    signal: context.signal,
    outbound: context.outbound,
    scopes,
    onAnswer: context.onCall,
  });
}

async function deactivate(http: ProviderHttp, base: string, userId: string): Promise<DeprovisionResult> {
  const path = `${base}/api/v1/users/${encodeURIComponent(userId)}`;
  const user = await absentAsNull(http.getJson<OktaUser>(path));
  if (!user) return { outcome: 'already', summary: 'Okta no longer has the user' };
  // Okta refuses to deactivate a DEPROVISIONED user; it already lost its assignments.
  if (user.body.status === 'DEPROVISIONED')
    return { outcome: 'already', summary: 'The Okta user was already deactivated' };
  // A 404 here is a user deleted or deactivated since the read, or a retried request whose first attempt
  // Okta carried out before its answer was lost (Okta answers 404 for a DEPROVISIONED user): nothing left to do.
  const done = await absentAsNull(http.write('POST', `${path}/lifecycle/deactivate`));
  return done
    ? { outcome: 'done', summary: 'Deactivated the Okta user; Okta removes their app assignments' }
    : { outcome: 'already', summary: 'The Okta user was already deactivated or deleted' };
}

async function unassign(
  http: ProviderHttp,
  base: string,
  userId: string,
  target: DeprovisionTarget,
): Promise<DeprovisionResult> {
  const url = new URL(`${base}/api/v1/apps`);
  url.searchParams.set('q', target.app);
  url.searchParams.set('limit', '200');
  const { body } = await http.getJson<OktaApp[]>(url);
  const label = target.app.trim().toLowerCase();
  const apps = (Array.isArray(body) ? body : []).filter(
    (app) => isReportedApp(app) && String(app.label).trim().toLowerCase() === label,
  );
  if (apps.length === 0)
    throw new ConnectorError(
      'not_found',
      `${PROVIDER} has no active app labelled ${target.app}; was it renamed since the last sync?`,
    );
  let removed = 0;
  for (const app of apps) {
    const path = `${base}/api/v1/apps/${encodeURIComponent(String(app.id))}/users/${encodeURIComponent(userId)}`;
    // 404: the user is not (or no longer) assigned to this instance.
    if (await absentAsNull(unassignment(http, path, target.app))) removed += 1;
  }
  return removed > 0
    ? {
        outcome: 'done',
        summary: `Unassigned the user from ${target.app} in Okta${apps.length > 1 ? ` (${removed} of ${apps.length} app instances)` : ''}`,
      }
    : { outcome: 'already', summary: `The user was not assigned to ${target.app} in Okta` };
}

/**
 * One DELETE of an assignment. Okta answers 403 E0000046 when a group membership grants the app: that is
 * not a credentials problem, so it fails with what to do instead.
 */
async function unassignment(http: ProviderHttp, path: string, app: string) {
  try {
    return await http.write('DELETE', path);
  } catch (error) {
    if (error instanceof ConnectorError && error.message.includes('(E0000046)'))
      throw new ConnectorError(
        'fatal',
        `${PROVIDER} keeps ${app} assigned while one of the user's groups grants it (E0000046): remove the user from that group in Okta, or deactivate the Okta user`,
      );
    throw error;
  }
}

/** The Okta user id of an address (`profile.email`), or null when Okta has no such user. */
async function userIdByEmail(http: ProviderHttp, base: string, email: string): Promise<string | null> {
  const url = new URL(`${base}/api/v1/users`);
  url.searchParams.set('search', `profile.email eq "${email.replaceAll('"', '\\"')}"`);
  const { body } = await http.getJson<OktaUser[]>(url);
  const users = Array.isArray(body) ? body : [];
  // A leaver and a rehire can share an address: a live user is the one still holding access.
  const live = users.find((u) => u.status !== 'DEPROVISIONED') ?? users[0];
  return typeof live?.id === 'string' ? live.id : null;
}

/** The request's answer, or null when Okta answered 404. */
async function absentAsNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'not_found') return null;
    throw error;
  }
}
