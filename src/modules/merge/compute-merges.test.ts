import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AliasCandidate, computeMerges, type MergeInput } from './compute-merges.js';

const domains = new Set(['acme.io']);
const entra = (primaryEmail: string, field: string, value: string): AliasCandidate => ({
  sourceId: 1,
  source: 'Entra ID',
  primaryEmail,
  field,
  value,
});

describe('computeMerges', () => {
  const users = new Set([
    'ann@acme.io',
    'asmith@acme.io',
    'ann@gmail.com',
    'bob@acme.io',
    'b@acme.io',
    'carl@acme.io',
    'cz@acme.io',
  ]);

  it('merges smtp proxy addresses of managed domains and otherMails of any domain, with provenance', () => {
    const result = computeMerges({
      candidates: [
        entra('ann@acme.io', 'proxyAddresses', 'SMTP:ann@acme.io'),
        entra('ann@acme.io', 'proxyAddresses', 'smtp:ASmith@acme.io '),
        entra('ann@acme.io', 'proxyAddresses', 'SIP:ann@acme.io'),
        entra('ann@acme.io', 'proxyAddresses', 'X500:/o=Exchange/cn=ann'),
        entra('ann@acme.io', 'proxyAddresses', 'smtp:ann@elsewhere.io'),
        entra('ann@acme.io', 'proxyAddresses', 'smtp:not-an-address'),
        entra('ann@acme.io', 'otherMails', 'ann@gmail.com'),
      ],
      users,
      employees: new Set(),
      managedDomains: domains,
    });
    expect(result.merges).toEqual([
      {
        primary: 'ann@acme.io',
        aliases: [
          {
            email: 'ann@gmail.com',
            provenance: [{ sourceId: 1, source: 'Entra ID', field: 'otherMails', value: 'ann@gmail.com' }],
          },
          {
            email: 'asmith@acme.io',
            provenance: [
              { sourceId: 1, source: 'Entra ID', field: 'proxyAddresses', value: 'smtp:ASmith@acme.io ' },
            ],
          },
        ],
      },
    ]);
    expect(result.ignored.map((i) => [i.value, i.reason])).toEqual([
      ['SIP:ann@acme.io', 'not_smtp'],
      ['SMTP:ann@acme.io', 'self'],
      ['X500:/o=Exchange/cn=ann', 'not_smtp'],
      ['smtp:ann@elsewhere.io', 'unmanaged_domain'],
      ['smtp:not-an-address', 'malformed'],
    ]);
  });

  it('skips employees, aliases claimed twice and aliases with aliases, naming the rule', () => {
    const result = computeMerges({
      candidates: [
        entra('ann@acme.io', 'otherMails', 'bob@acme.io'),
        entra('carl@acme.io', 'otherMails', 'b@acme.io'),
        entra('ann@acme.io', 'otherMails', 'b@acme.io'),
        entra('bob@acme.io', 'otherMails', 'cz@acme.io'),
        entra('carl@acme.io', 'otherMails', 'asmith@acme.io'),
      ],
      users,
      employees: new Set(['asmith@acme.io']),
      managedDomains: domains,
    });
    expect(result.skipped).toEqual([
      { email: 'asmith@acme.io', claimedBy: ['carl@acme.io'], rule: 'employee' },
      { email: 'b@acme.io', claimedBy: ['ann@acme.io', 'carl@acme.io'], rule: 'multiple_primaries' },
      { email: 'bob@acme.io', claimedBy: ['ann@acme.io'], rule: 'has_aliases' },
    ]);
    expect(result.merges).toEqual([
      { primary: 'bob@acme.io', aliases: [expect.objectContaining({ email: 'cz@acme.io' })] },
    ]);
  });

  it('holds back aliases no source has discovered, until they are', () => {
    const candidates = [entra('ann@acme.io', 'otherMails', 'ann.old@acme.io')];
    const before = computeMerges({ candidates, users, employees: new Set(), managedDomains: domains });
    expect(before.merges).toEqual([]);
    expect(before.pending).toEqual([
      { email: 'ann.old@acme.io', primary: 'ann@acme.io', waitingFor: 'alias' },
    ]);
    const after = computeMerges({
      candidates,
      users: new Set([...users, 'ann.old@acme.io']),
      employees: new Set(),
      managedDomains: domains,
    });
    expect(after.merges.map((m) => m.aliases.map((a) => a.email))).toEqual([['ann.old@acme.io']]);
  });

  it('waits for a primary that is gone, and counts a repeated alias once', () => {
    const result = computeMerges({
      candidates: [
        entra('left@acme.io', 'otherMails', 'bob@acme.io'),
        entra('ann@acme.io', 'otherMails', 'B@acme.io'),
        entra('ann@acme.io', 'otherMails', 'b@acme.io '),
      ],
      users,
      employees: new Set(),
      managedDomains: domains,
    });
    expect(result.pending).toEqual([
      { email: 'bob@acme.io', primary: 'left@acme.io', waitingFor: 'primary' },
    ]);
    expect(result.merges).toEqual([
      { primary: 'ann@acme.io', aliases: [{ email: 'b@acme.io', provenance: expect.any(Array) }] },
    ]);
    expect(result.merges[0]!.aliases[0]!.provenance).toHaveLength(2);
  });

  // Random organisations: a pool of emails, some employees, some discovered, random claims between them.
  const emails = Array.from({ length: 14 }, (_, i) => `u${i}@acme.io`);
  const organisation = fc.record({
    claims: fc.array(
      fc.record({
        primary: fc.constantFrom(...emails),
        alias: fc.constantFrom(...emails),
        field: fc.constantFrom('otherMails', 'proxyAddresses'),
      }),
      { maxLength: 30 },
    ),
    employees: fc.subarray(emails),
    discovered: fc.subarray(emails, { minLength: 6 }),
  });
  const toInput = (o: {
    claims: { primary: string; alias: string; field: string }[];
    employees: string[];
    discovered: string[];
  }): MergeInput => ({
    candidates: o.claims.map((c) =>
      entra(c.primary, c.field, c.field === 'proxyAddresses' ? `smtp:${c.alias}` : c.alias),
    ),
    users: new Set(o.discovered),
    employees: new Set(o.employees),
    managedDomains: domains,
  });

  it('never merges a user into two people, never chains, never merges an employee, keeps every primary', () => {
    fc.assert(
      fc.property(organisation, (o) => {
        const input = toInput(o);
        const result = computeMerges(input);
        const aliases = result.merges.flatMap((m) => m.aliases.map((a) => a.email));
        const primaries = result.merges.map((m) => m.primary);
        expect(new Set(aliases).size).toBe(aliases.length);
        for (const alias of aliases) {
          expect(primaries).not.toContain(alias);
          expect(input.employees.has(alias)).toBe(false);
          expect(input.users.has(alias)).toBe(true);
        }
        for (const primary of primaries) {
          expect(input.users.has(primary)).toBe(true);
          expect(o.claims.some((c) => c.primary === primary)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(organisation, fc.integer(), (o, seed) => {
        const input = toInput(o);
        const shuffled = [...input.candidates].sort(
          (a, b) => ((a.value.length * 31 + seed) % 7) - ((b.value.length * 17 + seed) % 5),
        );
        expect(computeMerges({ ...input, candidates: shuffled.reverse() })).toEqual(computeMerges(input));
      }),
    );
  });
});
