import { describe, expect, it } from 'vitest';
import { parseManagedSettings, usableRosterUrl } from './managed-settings.js';

describe('the policy an admin sets', () => {
  it('reads a full policy', () => {
    expect(
      parseManagedSettings({
        rosterUrl: 'https://roster.acme.io/',
        mode: 'unauthenticated',
        orgDomains: ['Acme.io'],
        enrollmentToken: ' rxe_abc ',
      }),
    ).toEqual({
      rosterUrl: 'https://roster.acme.io',
      mode: 'unauthenticated',
      orgDomains: ['acme.io'],
      enrollmentToken: 'rxe_abc',
      problems: [],
    });
  });

  it('defaults to authenticated mode, and names every unusable setting', () => {
    const settings = parseManagedSettings({ mode: 'sometimes', orgDomains: ['acme.io', 'com', 7] });
    expect(settings.mode).toBe('authenticated');
    expect(settings.rosterUrl).toBeNull();
    expect(settings.orgDomains).toEqual(['acme.io']);
    expect(settings.problems).toEqual([
      'rosterUrl is not set',
      'mode must be one of authenticated, unauthenticated, disabled; using authenticated',
      'orgDomains[1] is not a domain',
      'orgDomains[2] is not a domain',
    ]);
  });

  it.each([
    ['https://roster.acme.io', 'https://roster.acme.io'],
    ['https://acme.io/roster/', 'https://acme.io/roster'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://roster.acme.io', null],
    ['https://user:pw@roster.acme.io', null],
    ['https://roster.acme.io/?x=1', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('Roster URL %s → %s', (raw, expected) => {
    expect(usableRosterUrl(raw)).toBe(expected);
  });
});
