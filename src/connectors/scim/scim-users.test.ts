import { describe, expect, it } from 'vitest';
import { userNameFilter } from './scim-client.js';
import { deactivateOp } from './scim-deprovisioner.js';
import { scimUserEmail, scimUserName, scimUserStatus } from './scim-users.js';

describe('a SCIM user as a Roster account', () => {
  const cases: [string, Parameters<typeof scimUserEmail>[0], string | null][] = [
    [
      'the primary email, wherever it is listed',
      {
        userName: 'jdoe',
        emails: [
          { value: 'home@example.com', type: 'home' },
          { value: 'work@example.com', type: 'work' },
          { value: 'Primary@Example.com', type: 'other', primary: true },
        ],
      },
      'primary@example.com',
    ],
    [
      'else the first work email',
      {
        userName: 'jdoe@example.com',
        emails: [
          { value: 'home@example.com', type: 'home' },
          { value: 'first.work@example.com', type: 'work' },
          { value: 'second.work@example.com', type: 'work' },
        ],
      },
      'first.work@example.com',
    ],
    ['else userName when it is an address', { userName: ' JDoe@Example.com ' }, 'jdoe@example.com'],
    [
      'else nothing (a home email alone, a userName that is not an address)',
      { userName: 'jdoe', emails: [{ value: 'home@example.com', type: 'home' }] },
      null,
    ],
    [
      'a primary entry that is not an address falls through to the next rule',
      { userName: 'jdoe@example.com', emails: [{ value: 'not an address', primary: true }] },
      'jdoe@example.com',
    ],
    ['emails that is not a list is ignored', { userName: 'a@example.com', emails: 'x' }, 'a@example.com'],
  ];
  it.each(cases)('email: %s', (_, user, expected) => {
    expect(scimUserEmail(user)).toBe(expected);
  });

  it('names the person by name.formatted, else displayName, else given and family names', () => {
    expect(scimUserName({ name: { formatted: 'Ada Lovelace' }, displayName: 'Ada' })).toBe('Ada Lovelace');
    expect(scimUserName({ displayName: 'Ada L.' })).toBe('Ada L.');
    expect(scimUserName({ name: { givenName: 'Ada', familyName: 'Lovelace' } })).toBe('Ada Lovelace');
    expect(scimUserName({})).toBeNull();
  });

  it('maps active:false to suspended, and active or no active to active', () => {
    expect(scimUserStatus({ active: false })).toBe('suspended');
    expect(scimUserStatus({ active: true })).toBe('active');
    expect(scimUserStatus({})).toBe('active');
  });
});

describe('SCIM requests', () => {
  it('quotes a userName filter value as a JSON string, so a quote cannot end it', () => {
    expect(userNameFilter('a@example.com')).toBe('userName eq "a@example.com"');
    expect(userNameFilter('a"b\\c@example.com')).toBe('userName eq "a\\"b\\\\c@example.com"');
  });

  it('deactivates with the PatchOp of RFC 7644 §3.5.2', () => {
    expect(deactivateOp).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
  });
});
