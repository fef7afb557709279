import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKindWithScripted, scriptedKind } from '../../../test/support/fake-kinds.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { snapshotTables } from '../../../test/support/snapshot.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { updateSettings } from '../settings/settings.service.js';
import { listUsers, personEmailOf, showUser } from '../users/users.repo.js';
import { applyMerge, configureMerge, previewMerge, refreshMerge, revokeMerge } from './merge.service.js';

const alias = (primaryEmail: string, field: string, value: string): SourceRecordInput => ({
  type: 'alias',
  primaryEmail,
  field,
  value,
});
const employee = (email: string, status: 'active' | 'terminated'): SourceRecordInput => ({
  type: 'employee',
  email,
  status,
  name: email,
});

describe.each(lanes)('Merge Users on %s', (lane) => {
  let roster: TestRoster;
  let idp: number;
  let apps: number;
  const identityRecords: SourceRecordInput[] = [
    employee('ann@acme.io', 'active'),
    employee('bob@acme.io', 'terminated'),
    employee('carl@acme.io', 'active'),
    employee('dora@acme.io', 'active'),
    alias('ann@acme.io', 'proxyAddresses', 'SMTP:ann@acme.io'),
    alias('ann@acme.io', 'proxyAddresses', 'smtp:ASmith@acme.io'),
    alias('ann@acme.io', 'proxyAddresses', 'SIP:ann@acme.io'),
    alias('ann@acme.io', 'otherMails', ' Ann.Smith@Gmail.com '),
    alias('bob@acme.io', 'otherMails', 'bobby@acme.io'),
    alias('carl@acme.io', 'otherMails', 'dora@acme.io'),
    alias('carl@acme.io', 'otherMails', 'shared@acme.io'),
    alias('dora@acme.io', 'otherMails', 'shared@acme.io'),
    alias('ann@acme.io', 'otherMails', 'ann.future@acme.io'),
  ];

  // An identity source of kind microsoft-entra, fed by the scripted kind so the test decides its records.
  const sync = (sourceId: number, records: SourceRecordInput[]) =>
    syncRecords(roster, sourceId, records, (k) =>
      k === 'microsoft-entra' ? scriptedKind : findKindWithScripted(k),
    );
  const appRecords = (extra: SourceRecordInput[] = []) => [
    {
      type: 'license_type',
      app: 'Jira',
      name: 'Standard',
      purchased: 10,
      pricePerUserCents: 800,
    } as SourceRecordInput,
    account('ann@acme.io', 'Jira', { licenseTypes: ['Standard'] }),
    account('asmith@acme.io', 'Jira', { licenseTypes: ['Standard'] }),
    account('ann.smith@gmail.com', 'Figma'),
    account('bob@acme.io', 'Jira'),
    account('bobby@acme.io', 'Slack'),
    account('carl@acme.io', 'Slack'),
    account('dora@acme.io', 'Slack'),
    account('shared@acme.io', 'Slack'),
    ...extra,
  ];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
    const insert = (kind: string, name: string) =>
      roster.database.db
        .insertInto('sources')
        .values({ kind, name, config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
    // The identity source is an Entra ID source by kind; its records come through the real sync engine.
    idp = (await insert('microsoft-entra', 'Entra ID')).id;
    apps = (await insert('scripted', 'App feeds')).id;
    expect((await sync(idp, identityRecords)).status).toBe('succeeded');
    expect((await sync(apps, appRecords())).status).toBe('succeeded');
  });
  afterAll(async () => {
    await roster.close();
  });

  it('refuses fields the source does not offer, and revoking when nothing is merged', async () => {
    await expect(
      configureMerge(roster, 'test', [{ source: 'Entra ID', fields: ['emails'] }]),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      configureMerge(roster, 'test', [{ source: 'Nowhere', fields: ['otherMails'] }]),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(applyMerge(roster, 'test')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(revokeMerge(roster, 'test')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('previews the full changes report before anything changes', async () => {
    const before = await snapshotTables(roster);
    const report = await configureMerge(roster, 'test', [
      { source: 'Entra ID', fields: ['proxyAddresses', 'otherMails'] },
    ]);
    expect(report.usersBefore).toBe(8);
    expect(report.usersAfter).toBe(5);
    expect(report.merges).toEqual([
      {
        primary: 'ann@acme.io',
        aliases: ['ann.smith@gmail.com', 'asmith@acme.io'],
        provenance: [
          {
            email: 'ann.smith@gmail.com',
            via: [{ sourceId: idp, source: 'Entra ID', field: 'otherMails', value: 'Ann.Smith@Gmail.com' }],
          },
          {
            email: 'asmith@acme.io',
            via: [
              { sourceId: idp, source: 'Entra ID', field: 'proxyAddresses', value: 'smtp:ASmith@acme.io' },
            ],
          },
        ],
        apps: 2,
        licenses: 2,
        annualCost: 192,
        status: 'current',
      },
      {
        primary: 'bob@acme.io',
        aliases: ['bobby@acme.io'],
        provenance: expect.any(Array),
        apps: 2,
        licenses: 0,
        annualCost: null,
        status: 'past',
      },
    ]);
    expect(report.skipped).toEqual([
      { email: 'dora@acme.io', claimedBy: ['carl@acme.io'], rule: 'employee' },
      { email: 'shared@acme.io', claimedBy: ['carl@acme.io', 'dora@acme.io'], rule: 'multiple_primaries' },
    ]);
    expect(report.pending).toEqual([
      { email: 'ann.future@acme.io', primary: 'ann@acme.io', waitingFor: 'alias' },
    ]);
    expect(report.ignored.map((i) => i.reason).sort()).toEqual(['not_smtp', 'self']);
    expect(report.changes.merge).toHaveLength(3);
    expect(await snapshotTables(roster)).toEqual(before);
    expect((await previewMerge(roster)).merges).toEqual(report.merges);
  });

  it('shows people once applied, found by any email, and revoking restores every table exactly', async () => {
    const tablesBefore = await snapshotTables(roster);
    const listBefore = await listUsers(roster, { limit: 500 });
    const applied = await applyMerge(roster, 'test');
    expect(applied).toMatchObject({ merged: 3, unmerged: 0 });
    expect((await applyMerge(roster, 'test')).message).toMatch(/already applied/);

    const people = await listUsers(roster, { limit: 500 });
    expect(listBefore.total).toBe(8);
    expect(people.total).toBe(5);
    expect(await personEmailOf(roster, ' ANN.smith@gmail.com')).toBe('ann@acme.io');
    expect(people.items.map((u) => u.email)).toEqual([
      'ann@acme.io',
      'bob@acme.io',
      'carl@acme.io',
      'dora@acme.io',
      'shared@acme.io',
    ]);
    const ann = people.items[0]!;
    expect(ann).toMatchObject({
      apps: 2,
      annualCost: 192,
      additionalEmails: ['ann.smith@gmail.com', 'asmith@acme.io'],
    });
    expect((await listUsers(roster, { search: 'asmith' })).items.map((u) => u.email)).toEqual([
      'ann@acme.io',
    ]);

    const person = await showUser(roster, 'ASmith@acme.io');
    expect(person.primaryEmail).toBe('ann@acme.io');
    expect(person.emails).toEqual([
      { email: 'ann@acme.io', primary: true, linkedBy: null },
      {
        email: 'ann.smith@gmail.com',
        primary: false,
        linkedBy: { source: 'Entra ID', field: 'otherMails', value: 'Ann.Smith@Gmail.com' },
      },
      {
        email: 'asmith@acme.io',
        primary: false,
        linkedBy: { source: 'Entra ID', field: 'proxyAddresses', value: 'smtp:ASmith@acme.io' },
      },
    ]);
    expect(person.accounts.map((a) => [a.app, a.email])).toEqual([
      ['Figma', 'ann.smith@gmail.com'],
      ['Jira', 'ann@acme.io'],
      ['Jira', 'asmith@acme.io'],
    ]);
    // A person's status is the status of the user owning the primary email.
    expect((await showUser(roster, 'bobby@acme.io')).status).toBe('past');

    // A sync while merged changes nothing underneath.
    expect((await sync(apps, appRecords())).counters).toMatchObject({ added: 0, updated: 0, removed: 0 });
    await revokeMerge(roster, 'test');
    expect(await snapshotTables(roster)).toEqual(tablesBefore);
    expect(await listUsers(roster, { limit: 500 })).toEqual(listBefore);
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'merge.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['merge.configure', 'merge.apply', 'merge.revoke']),
    );
  });

  it('previews what a configuration change would undo before it is applied', async () => {
    await applyMerge(roster, 'test');
    const narrower = await configureMerge(roster, 'test', [
      { source: 'Entra ID', fields: ['proxyAddresses'] },
    ]);
    expect(narrower.changes).toEqual({
      merge: [],
      unmerge: [
        { email: 'ann.smith@gmail.com', primary: 'ann@acme.io' },
        { email: 'bobby@acme.io', primary: 'bob@acme.io' },
      ],
    });
    // Nothing changed until applied.
    expect((await showUser(roster, 'bobby@acme.io')).primaryEmail).toBe('bob@acme.io');
    expect(await applyMerge(roster, 'test')).toMatchObject({ merged: 0, unmerged: 2 });
    expect((await showUser(roster, 'bobby@acme.io')).primaryEmail).toBe('bobby@acme.io');
    await configureMerge(roster, 'test', [{ source: 'Entra ID', fields: ['proxyAddresses', 'otherMails'] }]);
    await revokeMerge(roster, 'test');
  });

  it('revoke is the exact inverse of apply, for random alias data', async () => {
    const emails = [
      'ann@acme.io',
      'asmith@acme.io',
      'bob@acme.io',
      'bobby@acme.io',
      'carl@acme.io',
      'dora@acme.io',
      'shared@acme.io',
      'x@acme.io',
    ];
    const claim = fc.record({
      primary: fc.constantFrom(...emails),
      alias: fc.constantFrom(...emails),
      field: fc.constantFrom('otherMails', 'proxyAddresses'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(claim, { maxLength: 12 }), async (claims) => {
        const { db } = roster.database;
        await db.deleteFrom('identity_aliases').where('source_id', '=', idp).execute();
        for (const c of claims) {
          const value = c.field === 'proxyAddresses' ? `smtp:${c.alias}` : c.alias;
          await db
            .insertInto('identity_aliases')
            .values({ source_id: idp, primary_email: c.primary, field: c.field, value })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        const before = {
          tables: await snapshotTables(roster),
          people: await listUsers(roster, { limit: 500 }),
        };
        await applyMerge(roster, 'test');
        const merged = await listUsers(roster, { limit: 500 });
        // Every user is either a person or merged into exactly one person.
        const shown = merged.items.flatMap((u) => [u.email, ...u.additionalEmails]).sort();
        expect(shown).toEqual(before.people.items.map((u) => u.email).sort());
        await revokeMerge(roster, 'test');
        expect({
          tables: await snapshotTables(roster),
          people: await listUsers(roster, { limit: 500 }),
        }).toEqual(before);
        expect(await db.selectFrom('person_links').selectAll().execute()).toEqual([]);
      }),
      { numRuns: 8 },
    );
    // Back to the identity source's own aliases for the tests that follow.
    await roster.database.db.deleteFrom('identity_aliases').where('source_id', '=', idp).execute();
    expect((await sync(idp, identityRecords)).status).toBe('succeeded');
  });

  it('merges a remembered alias on the first sync that discovers it', async () => {
    await applyMerge(roster, 'test');
    expect((await showUser(roster, 'ann@acme.io')).emails).toHaveLength(3);
    const result = await sync(apps, appRecords([account('ann.future@acme.io', 'Slack')]));
    expect(result.status).toBe('succeeded');
    // The engine alone does not merge; the sources service refreshes after each sync, as this does.
    await refreshMerge(roster);
    expect((await showUser(roster, 'ann.future@acme.io')).primaryEmail).toBe('ann@acme.io');
    await revokeMerge(roster, 'test');
  });
});
