import { createHash } from 'node:crypto';
import type { Directory, DirectoryPerson } from '../kit/directory.js';

/**
 * The shared organisation as Google Workspace describes it: Directory API users, domains and domain
 * aliases, Enterprise License Manager assignments and third-party OAuth tokens. Built once per simulator
 * so that serving a page of 50,000 users is a slice, not a rebuild.
 */

/** The date the Directory API gives a user who never signed in. */
export const NEVER_SIGNED_IN = '1970-01-01T00:00:00.000Z';

/** The shared directory's subscription part numbers, as Google products and SKUs (Products and SKUs page). */
const skuMap: Record<string, { productId: string; productName: string; skuId: string; skuName: string }> = {
  SPE_E3: {
    productId: 'Google-Apps',
    productName: 'Google Workspace',
    skuId: '1010020028',
    skuName: 'Google Workspace Business Standard',
  },
  SPE_E5: {
    productId: 'Google-Apps',
    productName: 'Google Workspace',
    skuId: '1010020020',
    skuName: 'Google Workspace Enterprise Plus',
  },
  POWER_BI_PRO: {
    productId: '101047',
    productName: 'Gemini',
    skuId: '1010470007',
    skuName: 'Gemini Meet',
  },
  VISIOCLIENT: {
    productId: '101033',
    productName: 'Google Voice',
    skuId: '1010330004',
    skuName: 'Google Voice Standard',
  },
};

/** Every product the simulated customer subscribes to, for the connector's `licenseProducts`. */
export const simulatedProducts = [...new Set(Object.values(skuMap).map((s) => s.productId))];

export interface GoogleUser {
  kind: 'admin#directory#user';
  id: string;
  primaryEmail: string;
  [field: string]: unknown;
}

export interface GoogleToken {
  kind: 'admin#directory#token';
  clientId: string;
  displayText: string;
  anonymous: boolean;
  nativeApp: boolean;
  userKey: string;
  scopes: string[];
  etag: string;
}

export interface LicenseAssignment {
  kind: 'licensing#licenseAssignment';
  etags: string;
  selfLink: string;
  userId: string;
  productId: string;
  productName: string;
  skuId: string;
  skuName: string;
}

export interface GoogleOrganisation {
  customerId: string;
  primaryDomain: string;
  /** Users listed (deleted users are not), in listing order. */
  userCount: number;
  /** Listing positions `start`..`end` as users.list returns them; `full` adds `customSchemas`. */
  users(start: number, end: number, projection: 'basic' | 'full'): GoogleUser[];
  /** Listing positions of the users whose primary email is on `domain` (users.list `domain=`). */
  positionsOn(domain: string): number[];
  /** Listing position by user id or primary email (lower-cased), for `userKey`. */
  userIndex: Map<string, number>;
  /** The user at a listing position, as kept: an update changes what every later read returns. */
  user(position: number): GoogleUser;
  tokens(position: number): GoogleToken[];
  /** Licence assignments by product id. */
  licenses: Map<string, LicenseAssignment[]>;
  domains: unknown[];
  domainAliases: unknown[];
  /** Who may be impersonated: a super admin, the `sub` of the service account's assertions. */
  adminEmail: string;
  /** Emails of super admins and the stand-in admin, lower-cased. */
  admins: Set<string>;
}

const etag = (seed: string) => `"${createHash('sha1').update(seed).digest('base64url').slice(0, 27)}"`;

/**
 * The organisation as Google serves it. Users and their tokens are rendered when a page asks for them (and
 * users kept once rendered), so a simulator for 50,000 people starts at once.
 */
export function googleOrganisation(directory: Directory, licensingBase: string): GoogleOrganisation {
  const customerId = `C0${createHash('sha1').update(directory.domain).digest('hex').slice(0, 7)}`;
  // The first alias domain is a secondary domain (its addresses are editable `aliases`); the others are
  // domain aliases of the primary domain, whose addresses Google adds by itself (`nonEditableAliases`).
  const [secondary, ...aliasDomains] = directory.aliasDomains;
  const creation = '1577836800000';
  const domainAliases = aliasDomains.map((name) => ({
    kind: 'admin#directory#domainAlias',
    domainAliasName: name,
    parentDomainName: directory.domain,
    verified: true,
    creationTime: creation,
    etag: etag(name),
  }));
  const domains = [
    {
      kind: 'admin#directory#domain',
      domainName: directory.domain,
      isPrimary: true,
      verified: true,
      creationTime: creation,
      domainAliases,
      etag: etag(directory.domain),
    },
    ...(secondary
      ? [
          {
            kind: 'admin#directory#domain',
            domainName: secondary,
            isPrimary: false,
            verified: true,
            creationTime: creation,
            etag: etag(secondary),
          },
        ]
      : []),
  ];
  const appsByName = new Map(directory.apps.map((a) => [a.name, a]));
  const listed: number[] = [];
  const userIndex = new Map<string, number>();
  const admins = new Set<string>();
  const licenses = new Map<string, LicenseAssignment[]>();
  directory.people.forEach((person, i) => {
    // Deleted users leave the listing (they are restorable for a while, but only with showDeleted).
    if (person.accountStatus === 'deprovisioned') return;
    const position = listed.length;
    listed.push(i);
    userIndex.set(userId(i), position);
    userIndex.set(person.email.toLowerCase(), position);
    if (person.isAdmin && person.accountStatus === 'active') admins.add(person.email.toLowerCase());
    for (const partNumber of person.licenses) {
      const sku = skuMap[partNumber];
      if (!sku) continue;
      const list = licenses.get(sku.productId) ?? [];
      licenses.set(sku.productId, list);
      list.push({
        kind: 'licensing#licenseAssignment',
        etags: `"${person.id}:${sku.skuId}"`,
        selfLink: `${licensingBase}/apps/licensing/v1/product/${sku.productId}/sku/${sku.skuId}/user/${person.email}`,
        userId: person.email,
        ...sku,
      });
    }
  });
  const rendered: GoogleUser[] = [];
  const basic = (position: number) => {
    const i = listed[position]!;
    rendered[position] ??= googleUser(directory.people[i]!, i, customerId, secondary);
    return rendered[position];
  };
  // A Workspace always has a super admin; a small generated directory may have none, so a stand-in admin
  // (not listed, like a break-glass account in another OU the listing does not cover) can be impersonated.
  const adminEmail = [...admins][0] ?? `workspace-admin@${directory.domain}`;
  admins.add(adminEmail);
  return {
    customerId,
    primaryDomain: directory.domain,
    userCount: listed.length,
    users: (start, end, projection) => {
      const page: GoogleUser[] = [];
      for (let n = start; n < end; n++) {
        const user = basic(n);
        page.push(
          projection === 'full'
            ? { ...user, customSchemas: customSchemas(directory.people[listed[n]!]!) }
            : user,
        );
      }
      return page;
    },
    positionsOn: (domain) =>
      listed.flatMap((i, n) => (directory.people[i]!.email.endsWith(`@${domain}`) ? [n] : [])),
    userIndex,
    user: basic,
    tokens: (position) => {
      const i = listed[position]!;
      return userTokens(directory.people[i]!, i, userId(i), appsByName);
    },
    licenses,
    domains,
    domainAliases,
    adminEmail,
    admins,
  };
}

const userId = (index: number) => `1${String(index + 1).padStart(20, '0')}`;

function googleUser(
  person: DirectoryPerson,
  index: number,
  customerId: string,
  secondary: string | undefined,
): GoogleUser {
  const id = userId(index);
  const aliases = person.aliases.filter((a) => secondary && a.endsWith(`@${secondary}`));
  const nonEditableAliases = person.aliases.filter((a) => !aliases.includes(a));
  // Suspended leavers: some admins suspend, others archive (Archived User licence); both stop sign-in.
  const archived = person.accountStatus === 'suspended' && index % 2 === 1;
  const suspended = person.accountStatus === 'suspended' && !archived;
  const emails: Record<string, unknown>[] = [
    { address: person.email, primary: true },
    ...person.aliases.map((address) => ({ address })),
  ];
  if (person.personalEmail) emails.push({ address: person.personalEmail, type: 'home' });
  const user: GoogleUser = {
    kind: 'admin#directory#user',
    id,
    etag: etag(person.id),
    primaryEmail: person.email,
    name: { givenName: person.givenName, familyName: person.familyName, fullName: person.displayName },
    isAdmin: person.isAdmin,
    isDelegatedAdmin: false,
    lastLoginTime: person.lastSignInAt ?? NEVER_SIGNED_IN,
    creationTime: person.createdAt,
    agreedToTerms: person.lastSignInAt !== null,
    suspended,
    ...(suspended ? { suspensionReason: 'ADMIN' } : {}),
    archived,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails,
    ...(aliases.length ? { aliases } : {}),
    ...(nonEditableAliases.length ? { nonEditableAliases } : {}),
    externalIds: [{ value: person.employeeNumber, type: 'organization' }],
    organizations: [
      {
        title: person.jobTitle,
        department: person.department,
        primary: true,
        customType: '',
        description: person.kind === 'contractor' ? 'Contractor' : 'Employee',
      },
    ],
    ...(person.managerEmail ? { relations: [{ value: person.managerEmail, type: 'manager' }] } : {}),
    customerId,
    orgUnitPath: `/${person.department}`,
    isMailboxSetup: true,
    isEnrolledIn2Sv: index % 3 !== 0,
    isEnforcedIn2Sv: false,
    includeInGlobalAddressList: true,
    thumbnailPhotoUrl: `https://lh3.googleusercontent.com/a-/${id}`,
  };
  return user;
}

function customSchemas(person: DirectoryPerson): Record<string, Record<string, unknown>> {
  return {
    Employment: {
      workerType: person.kind,
      ...(person.terminationDate ? { terminationDate: person.terminationDate } : {}),
    },
  };
}

const grantScopes = [
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
];

function userTokens(
  person: DirectoryPerson,
  index: number,
  userKey: string,
  appsByName: Map<string, { id: string; name: string; domain: string }>,
): GoogleToken[] {
  const tokens: GoogleToken[] = person.apps.map((name) => {
    const app = appsByName.get(name);
    const digits = createHash('sha1')
      .update(app?.id ?? name)
      .digest('hex')
      .replace(/[a-f]/g, '')
      .slice(0, 12);
    return token({
      clientId: `${digits.padEnd(12, '7')}-${(app?.domain ?? name).replace(/[^a-z0-9]/gi, '')}.apps.googleusercontent.com`,
      displayText: name,
      anonymous: false,
      nativeApp: false,
      userKey,
      scopes: index % 2 ? [...grantScopes, 'https://www.googleapis.com/auth/calendar.events'] : grantScopes,
    });
  });
  // Grants that are not SaaS apps: a phone's mail client (installed app) and an unregistered client id.
  if (index % 7 === 3)
    tokens.push(
      token({
        clientId: '450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com',
        displayText: 'iOS Account Manager',
        anonymous: false,
        nativeApp: true,
        userKey,
        scopes: ['https://mail.google.com/', 'https://www.googleapis.com/auth/calendar'],
      }),
    );
  if (index % 11 === 5)
    tokens.push(
      token({
        clientId: 'anonymous',
        displayText: 'anonymous',
        anonymous: true,
        nativeApp: false,
        userKey,
        scopes: ['https://www.googleapis.com/auth/drive.readonly'],
      }),
    );
  return tokens;
}

function token(fields: Omit<GoogleToken, 'kind' | 'etag'>): GoogleToken {
  return { kind: 'admin#directory#token', ...fields, etag: etag(`${fields.userKey}:${fields.clientId}`) };
}
