import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../sync/validate-record.js';
import { domainOf, isSignInApp, type ServicePrincipal } from './enterprise-apps.js';
import { licenseTypeRecords } from './licenses.js';
import { emailOf, isGuest, lastUsedOf, userRecords } from './users.js';

const member = {
  id: 'u1',
  displayName: 'Megan Ortiz',
  mail: 'megan.ortiz@contoso.com',
  userPrincipalName: 'megan.ortiz@contoso.com',
  proxyAddresses: [
    'SMTP:megan.ortiz@contoso.com',
    'smtp:megan@contoso.com',
    'SIP:megan.ortiz@contoso.com',
    `X500:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=${'x'.repeat(420)}`,
  ],
  otherMails: ['megan.ortiz@gmail.com'],
  accountEnabled: true,
  userType: 'Member',
  employeeId: 'E10482',
  assignedLicenses: [{ skuId: 'F245ECC8-75AF-4F8E-B61F-27D8114DE5F3' }, { skuId: 'unknown-sku' }],
};

describe('Entra users as Roster records', () => {
  it('reads a guest’s address from its #EXT# UPN when it has no mail', () => {
    const guest = {
      id: 'g',
      userType: 'Guest',
      mail: null,
      userPrincipalName: 'raj_partnerco.com#EXT#@contoso.onmicrosoft.com',
    };
    expect(emailOf(guest)).toBe('raj@partnerco.com');
    expect(emailOf({ ...guest, userPrincipalName: 'ana_b_partner.co.uk#EXT#@contoso.onmicrosoft.com' })).toBe(
      'ana_b@partner.co.uk',
    );
    expect(emailOf({ ...guest, mail: 'Raj@PartnerCo.com' })).toBe('Raj@PartnerCo.com');
    expect(isGuest(guest)).toBe(true);
    // A member without a mailbox is known by its UPN.
    expect(emailOf({ id: 'm', mail: null, userPrincipalName: 'svc-backup@contoso.com' })).toBe(
      'svc-backup@contoso.com',
    );
    expect(isGuest({ id: 'm', userType: 'Member', userPrincipalName: 'a@contoso.com' })).toBe(false);
  });

  it('takes last use from the last successful sign-in, else the later attempt, else none', () => {
    expect(
      lastUsedOf({
        id: 'a',
        signInActivity: {
          lastSignInDateTime: '2025-06-04T00:00:00Z',
          lastNonInteractiveSignInDateTime: '2025-06-03T00:00:00Z',
          lastSuccessfulSignInDateTime: '2025-06-02T00:00:00Z',
        },
      }),
    ).toBe('2025-06-02T00:00:00Z');
    expect(
      lastUsedOf({
        id: 'a',
        signInActivity: {
          lastSignInDateTime: '2025-01-20T16:55:02Z',
          lastNonInteractiveSignInDateTime: '2025-01-21T03:10:44Z',
          lastSuccessfulSignInDateTime: null,
        },
      }),
    ).toBe('2025-01-21T03:10:44Z');
    expect(lastUsedOf({ id: 'a' })).toBeNull();
    expect(lastUsedOf({ id: 'a', signInActivity: { lastSignInDateTime: null } })).toBeNull();
  });

  it('maps a member to a valid account, employee and aliases kept as written', () => {
    const skuNames = new Map([['f245ecc8-75af-4f8e-b61f-27d8114de5f3', 'Microsoft 365 E3']]);
    const records = userRecords(member, { skuNames, lastUsedKnown: true, ref: 'users[1]' });
    for (const record of records) expect(validateRecord(record)).toHaveProperty('record');
    expect(records[0]).toMatchObject({
      type: 'account',
      app: 'Microsoft 365',
      email: 'megan.ortiz@contoso.com',
      role: 'member',
      status: 'active',
      licenseTypes: ['Microsoft 365 E3', 'unknown-sku'],
    });
    expect(records[1]).toMatchObject({
      type: 'employee',
      status: 'active',
      attributes: { employeeId: 'E10482' },
    });
    expect(
      records.filter((r) => r.type === 'alias').map((r) => r.type === 'alias' && `${r.field}=${r.value}`),
    ).toEqual([
      'proxyAddresses=SMTP:megan.ortiz@contoso.com',
      'proxyAddresses=smtp:megan@contoso.com',
      'proxyAddresses=SIP:megan.ortiz@contoso.com',
      'otherMails=megan.ortiz@gmail.com',
    ]);
  });

  it('makes a blocked member a suspended account and a past employee; a guest no employee', () => {
    const blocked = userRecords(
      { ...member, accountEnabled: false },
      { skuNames: new Map(), lastUsedKnown: true, ref: 'x' },
    );
    expect(blocked[0]).toMatchObject({ status: 'suspended' });
    expect(blocked[1]).toMatchObject({ type: 'employee', status: 'terminated' });
    const guest = userRecords(
      {
        id: 'g',
        userType: 'Guest',
        mail: 'raj@partnerco.com',
        userPrincipalName: 'raj_partnerco.com#EXT#@contoso.onmicrosoft.com',
      },
      { skuNames: new Map(), lastUsedKnown: true, ref: 'x' },
    );
    expect(guest.map((r) => r.type)).toEqual(['account']);
    expect(guest[0]).toMatchObject({ role: 'guest', email: 'raj@partnerco.com' });
  });

  it('leaves last use unknown when sign-in activity could not be read', () => {
    const withActivity = {
      ...member,
      signInActivity: { lastSuccessfulSignInDateTime: '2025-06-02T00:00:00Z' },
    };
    const [known] = userRecords(withActivity, { skuNames: new Map(), lastUsedKnown: true, ref: 'x' });
    const [unknown] = userRecords(withActivity, { skuNames: new Map(), lastUsedKnown: false, ref: 'x' });
    expect(known).toMatchObject({ lastUsedAt: '2025-06-02T00:00:00Z' });
    expect(unknown).toMatchObject({ lastUsedAt: null });
  });
});

describe('subscribed SKUs as license types', () => {
  it('names SKUs, keeps purchased seats, skips company-wide SKUs and keeps two same-named SKUs apart', () => {
    const { records, skuNames } = licenseTypeRecords([
      {
        skuId: 'A',
        skuPartNumber: 'SPE_E3',
        appliesTo: 'User',
        prepaidUnits: { enabled: 50 },
        consumedUnits: 47,
      },
      { skuId: 'B', skuPartNumber: 'CUSTOM_THING', appliesTo: 'User', prepaidUnits: { enabled: 5 } },
      {
        skuId: 'C',
        skuPartNumber: 'PROJECT_MADEIRA_PREVIEW_IW_SKU',
        appliesTo: 'Company',
        prepaidUnits: { enabled: 1 },
      },
      { skuId: 'D', skuPartNumber: 'SPE_E3', appliesTo: 'User', prepaidUnits: { enabled: 10 } },
    ]);
    expect(records.map((r) => r.type === 'license_type' && [r.name, r.purchased])).toEqual([
      ['Microsoft 365 E3', 50],
      ['CUSTOM_THING', 5],
      ['Microsoft 365 E3 (SPE_E3)', 10],
    ]);
    expect(skuNames.get('a')).toBe('Microsoft 365 E3');
    expect(skuNames.has('c')).toBe(false);
  });
});

describe('service principals as discovered apps', () => {
  const sp = (extra: Partial<ServicePrincipal>): ServicePrincipal => ({
    id: 'sp',
    displayName: 'Slack',
    servicePrincipalType: 'Application',
    accountEnabled: true,
    appOwnerOrganizationId: '11111111-2222-3333-4444-555555555555',
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    ...extra,
  });

  it('keeps enterprise apps people sign in to, not Microsoft’s own, identities or API-only registrations', () => {
    expect(isSignInApp(sp({}))).toBe(true);
    expect(isSignInApp(sp({ appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' }))).toBe(false);
    expect(isSignInApp(sp({ servicePrincipalType: 'ManagedIdentity' }))).toBe(false);
    expect(isSignInApp(sp({ tags: [] }))).toBe(false);
    expect(isSignInApp(sp({ accountEnabled: false }))).toBe(false);
  });

  it('takes the registrable domain of the homepage or sign-in URL', () => {
    expect(domainOf(sp({ homepage: 'https://app.slack.com/start' }))).toBe('slack.com');
    expect(domainOf(sp({ homepage: 'not a url', loginUrl: 'https://acme.my.salesforce.com/' }))).toBe(
      'salesforce.com',
    );
    expect(domainOf(sp({}))).toBeNull();
  });
});
