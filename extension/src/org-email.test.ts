import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrgEmail, normaliseEmail } from './org-email.js';

describe('whose address an email is', () => {
  const org = ['acme.io', 'acme-labs.com'];

  it.each([
    ['ada@acme.io', true],
    ['  Ada@ACME.io ', true],
    ['ada@eu.acme.io', true],
    ['ada@acme-labs.com', true],
    ['ada@gmail.com', false],
    ['ada@notacme.io', false],
    ['ada@acme.io.evil.example', false],
    ['acme.io', false],
    ['', false],
  ])('%s belongs to the organisation: %s', (email, expected) => {
    expect(isOrgEmail(email, org)).toBe(expected);
  });

  it('is personal for everyone when no organisation domain is known', () => {
    expect(isOrgEmail('ada@acme.io', [])).toBe(false);
  });

  it('never counts an address of a domain outside the list (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const domain = normaliseEmail(email)?.split('@')[1];
        fc.pre(domain !== undefined && domain !== 'acme.io' && !domain.endsWith('.acme.io'));
        expect(isOrgEmail(email, ['acme.io'])).toBe(false);
      }),
    );
  });
});
