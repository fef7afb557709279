import { describe, expect, it } from 'vitest';
import { contactEmail, emailKnownTo, extensionActivityCounts, offboardingEmails } from './person-rules.js';

const person = { primaryEmail: 'ann@acme.io', emails: ['ann@acme.io', 'asmith@acme.io', 'ann@gmail.com'] };

describe('rules for a merged person', () => {
  it('offboards every email', () => {
    expect(offboardingEmails(person).sort()).toEqual(['ann@acme.io', 'ann@gmail.com', 'asmith@acme.io']);
  });
  it('contacts the primary email first', () => {
    expect(contactEmail(person)).toBe('ann@acme.io');
  });
  it('references the person in another system by the email that system knows', () => {
    expect(emailKnownTo(person, new Set(['asmith@acme.io', 'ann@acme.io']))).toBe('ann@acme.io');
    expect(emailKnownTo(person, new Set(['asmith@acme.io']))).toBe('asmith@acme.io');
    expect(emailKnownTo(person, new Set())).toBe('ann@acme.io');
  });
  it('counts browser activity of an alias only in a configured domain', () => {
    const domains = new Set(['acme.io']);
    expect(extensionActivityCounts('asmith@acme.io', domains)).toBe(true);
    expect(extensionActivityCounts('ann@gmail.com', domains)).toBe(false);
  });
});
