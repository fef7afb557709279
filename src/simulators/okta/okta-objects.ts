import { createHash } from 'node:crypto';
import type { Directory, DirectoryPerson } from '../kit/directory.js';

/**
 * The shared organisation as Okta's Management API describes it: User objects, app instances and app
 * user assignments, in the field names of okta/okta-management-openapi-spec. Built once per simulator so
 * that serving 50,000 users is slicing arrays.
 */

export type OktaUserStatus =
  | 'STAGED'
  | 'PROVISIONED'
  | 'ACTIVE'
  | 'RECOVERY'
  | 'PASSWORD_EXPIRED'
  | 'LOCKED_OUT'
  | 'SUSPENDED'
  | 'DEPROVISIONED';

export interface OktaUserObject {
  id: string;
  status: OktaUserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: Record<string, string | null>;
  credentials: { provider: { type: string; name: string } };
  _links: { self: { href: string } };
}

export interface OktaAppObject {
  id: string;
  name: string;
  label: string;
  status: 'ACTIVE' | 'INACTIVE';
  signOnMode: string;
  created: string;
  lastUpdated: string;
  settings: { app: Record<string, string>; signOn?: Record<string, string> };
  _links: Record<string, unknown>;
}

export interface OktaAppUserObject {
  id: string;
  externalId: string | null;
  created: string;
  lastUpdated: string;
  scope: 'USER' | 'GROUP';
  status: string;
  statusChanged: string;
  syncState: string;
  lastSync: string | null;
  credentials: { userName: string };
  profile: Record<string, string | null>;
  _links: { app: { href: string }; user: { href: string } };
}

export interface OktaOrg {
  /** Users the plain listing returns: every status but DEPROVISIONED. */
  listed: OktaUserObject[];
  /** DEPROVISIONED users, returned only when asked for by status. */
  deprovisioned: OktaUserObject[];
  apps: OktaAppObject[];
  /** App id → its assigned users. */
  assignments: Map<string, OktaAppUserObject[]>;
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Okta ids are a three-letter type prefix and 17 base-62 characters (00u… users, 0oa… apps). */
export function oktaId(prefix: string, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = prefix;
  for (let i = 0; i < 17; i++) id += base62[(digest[i] ?? 0) % 62];
  return id;
}

/** Okta's integration keys (`name`) for the directory's apps; anything else is a custom SAML app. */
const integrationKeys: Record<string, string> = {
  Slack: 'slack',
  Zoom: 'zoomus',
  'Salesforce Sales Cloud': 'salesforce',
  GitHub: 'githubcloud',
  'Atlassian Cloud': 'atlassian',
  Notion: 'notion',
  Figma: 'figma',
  Miro: 'miro',
  'DocuSign eSignature': 'docusign',
};

function userStatus(person: DirectoryPerson, index: number): OktaUserStatus {
  if (person.accountStatus === 'suspended') return 'SUSPENDED';
  if (person.accountStatus === 'deprovisioned') return 'DEPROVISIONED';
  // Enabled people show Okta's other live states too, so the connector meets every one of them.
  if (person.lastSignInAt === null) return index % 2 === 0 ? 'PROVISIONED' : 'STAGED';
  if (index % 97 === 5) return 'LOCKED_OUT';
  if (index % 89 === 7) return 'PASSWORD_EXPIRED';
  if (index % 83 === 11) return 'RECOVERY';
  return 'ACTIVE';
}

export function buildOrg(directory: Directory, origin: string): OktaOrg {
  const userType = oktaId('oty', `${directory.domain}:default-type`);
  const listed: OktaUserObject[] = [];
  const deprovisioned: OktaUserObject[] = [];
  const byName = new Map<string, OktaAppUserObject[]>();
  const apps: OktaAppObject[] = [];
  const appIds = new Map<string, string>();
  const orgCreated = '2019-03-01T09:00:00.000Z';

  for (const app of directory.apps) {
    const id = oktaId('0oa', app.id);
    appIds.set(app.name, id);
    byName.set(app.name, []);
    const key = integrationKeys[app.name];
    const tenant = directory.domain.split('.')[0];
    apps.push({
      id,
      name: key ?? `${directory.domain.split('.')[0]}_${app.name.toLowerCase().replace(/[^a-z0-9]/g, '')}_1`,
      label: app.name,
      status: 'ACTIVE',
      signOnMode: key ? 'SAML_2_0' : 'BOOKMARK',
      created: orgCreated,
      lastUpdated: orgCreated,
      // SAML apps name their service provider's sign-on URL; a bookmark app its URL.
      settings: key
        ? { app: {}, signOn: { ssoAcsUrl: `https://${tenant}.${app.domain}/sso/saml` } }
        : { app: { url: `https://${app.domain}/login` } },
      _links: {
        users: { href: `${origin}/api/v1/apps/${id}/users` },
        appLinks: [{ name: key ?? 'login', href: `${origin}/home/${key ?? 'bookmark'}/${id}/1` }],
      },
    });
  }
  // Every Okta org lists its own admin console as an app, and most keep an app nobody uses any more.
  apps.push(
    {
      id: oktaId('0oa', `${directory.domain}:saasure`),
      name: 'saasure',
      label: 'Okta Admin Console',
      status: 'ACTIVE',
      signOnMode: 'OPENID_CONNECT',
      created: orgCreated,
      lastUpdated: orgCreated,
      settings: { app: {} },
      _links: {},
    },
    {
      id: oktaId('0oa', `${directory.domain}:retired-wiki`),
      name: 'bookmark',
      label: 'Old Wiki',
      status: 'INACTIVE',
      signOnMode: 'BOOKMARK',
      created: orgCreated,
      lastUpdated: orgCreated,
      settings: { app: { url: 'https://wiki.old-acme.example' } },
      _links: {},
    },
  );

  directory.people.forEach((person, index) => {
    const id = oktaId('00u', person.id);
    const status = userStatus(person, index);
    const live = status !== 'STAGED' && status !== 'PROVISIONED';
    const changed = person.terminationDate ? `${person.terminationDate}T17:00:00.000Z` : person.createdAt;
    const user: OktaUserObject = {
      id,
      status,
      created: person.createdAt,
      activated: live ? person.createdAt : null,
      statusChanged: live ? changed : null,
      lastLogin: person.lastSignInAt,
      lastUpdated: changed,
      passwordChanged: live ? person.createdAt : null,
      type: { id: userType },
      profile: {
        firstName: person.givenName,
        lastName: person.familyName,
        mobilePhone: null,
        secondEmail: person.aliases[0] ?? null,
        login: person.email,
        email: person.email,
        department: person.department,
        title: person.jobTitle,
        employeeNumber: person.employeeNumber,
        userType:
          person.kind === 'contractor' ? 'Contractor' : person.kind === 'service' ? 'Service' : 'Employee',
      },
      credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
      _links: { self: { href: `${origin}/api/v1/users/${id}` } },
    };
    (status === 'DEPROVISIONED' ? deprovisioned : listed).push(user);
    // Deactivating a user in Okta removes their app assignments.
    if (status === 'DEPROVISIONED') return;
    for (const appName of person.apps) {
      const appId = appIds.get(appName);
      const list = byName.get(appName);
      if (!appId || !list) continue;
      list.push({
        id,
        externalId: null,
        created: person.createdAt,
        lastUpdated: person.createdAt,
        scope: 'USER',
        status: 'ACTIVE',
        statusChanged: person.createdAt,
        syncState: 'DISABLED',
        lastSync: null,
        credentials: { userName: person.email },
        profile: { email: person.email },
        _links: {
          app: { href: `${origin}/api/v1/apps/${appId}` },
          user: { href: `${origin}/api/v1/users/${id}` },
        },
      });
    }
  });

  const assignments = new Map<string, OktaAppUserObject[]>();
  for (const app of apps) assignments.set(app.id, byName.get(app.label) ?? []);
  // A second instance of the first app under the same label (a sandbox workspace), given to the IT staff
  // who already use the first: one app and one account each for Roster.
  const first = apps[0];
  if (first && directory.apps.length > 0) {
    const it = new Set(directory.people.filter((p) => p.department === 'IT').map((p) => p.email));
    const twin: OktaAppObject = { ...first, id: oktaId('0oa', `${first.id}:sandbox`) };
    apps.splice(1, 0, twin);
    const users = (byName.get(first.label) ?? []).filter((u) => it.has(u.credentials.userName));
    assignments.set(
      twin.id,
      users.map((u) => ({
        ...u,
        _links: { ...u._links, app: { href: `${origin}/api/v1/apps/${twin.id}` } },
      })),
    );
  }
  return { listed, deprovisioned, apps, assignments };
}
