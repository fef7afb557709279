import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedKind } from '../../../test/support/fake-kinds.js';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { capabilities } from '../../connectors/kit/capabilities.js';
import type { SourceKind } from '../../connectors/kit/connector.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { runSync } from '../../sync/engine.js';
import { explainAppUsage } from '../explain/explain-app.js';
import { licenseCounts } from '../licenses/licenses.repo.js';
import { getSettings, updateSettings } from '../settings/settings.service.js';
import { showUser } from '../users/users.repo.js';
import { getEmployeeSource, setEmployeeSource } from './employee-source.js';

// An identity provider (accounts and employees) and an HR system (employees only), both scripted.
const kinds: Record<string, SourceKind<unknown, unknown>> = {
  idp: { ...scriptedKind, kind: 'idp' },
  hr: { ...scriptedKind, kind: 'hr', capabilities: capabilities(['employees']) },
  apps: { ...scriptedKind, kind: 'apps', capabilities: capabilities(['users']) },
};
const findKind = (kind: string) => kinds[kind];
const employee = (email: string, status: 'active' | 'terminated', extra = {}): SourceRecordInput => ({
  type: 'employee',
  email,
  status,
  ...extra,
});

describe.each(lanes)('employee source of truth on %s', (lane) => {
  let roster: TestRoster;
  const source = async (kind: string, name: string) =>
    (
      await roster.database.db
        .insertInto('sources')
        .values({ kind, name, config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const sync = async (id: number, records: SourceRecordInput[]) =>
    expect((await syncRecords(roster, id, records, findKind)).status).toBe('succeeded');
  const typeOf = async (email: string) => (await showUser(roster, email)).type;

  let idp = 0;
  let hr = 0;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: ['acme.example'] });
    idp = await source('idp', 'Directory');
    hr = await source('hr', 'HR');
  });
  afterAll(() => roster?.close());

  it('uses the identity provider while no HR system reports employees', async () => {
    await sync(idp, [
      account('ann@acme.example', 'Directory'),
      account('bob@acme.example', 'Directory'),
      employee('ann@acme.example', 'active'),
      employee('bob@acme.example', 'terminated'),
    ]);
    const truth = await getEmployeeSource(roster);
    expect(truth.rule).toBe('identity_providers');
    expect(truth.effective.map((s) => s.name)).toEqual(['Directory']);
    expect(await typeOf('ann@acme.example')).toBe('employee');
    expect(await typeOf('bob@acme.example')).toBe('past_employee');
  });

  it('lets a connected HR system decide, over the identity provider', async () => {
    await sync(hr, [
      employee('ann@acme.example', 'terminated', { attributes: { costCenter: 'R&D' } }),
      employee('bob@acme.example', 'active'),
    ]);
    const truth = await getEmployeeSource(roster);
    expect(truth.rule).toBe('hr_sources');
    expect(truth.effective.map((s) => s.name)).toEqual(['HR']);
    expect(await typeOf('ann@acme.example')).toBe('past_employee');
    expect(await typeOf('bob@acme.example')).toBe('employee');
    // Extra fields the admin chose to sync appear on the user.
    expect((await showUser(roster, 'ann@acme.example')).employee).toMatchObject({
      source: 'HR',
      attributes: { costCenter: 'R&D' },
    });
  });

  it('follows the source an admin chose, and goes back to the default rule when told', async () => {
    const chosen = await setEmployeeSource(roster, 'test', 'directory', findKind);
    expect(chosen.rule).toBe('chosen');
    expect(chosen.chosen?.name).toBe('Directory');
    expect(await typeOf('ann@acme.example')).toBe('employee');
    const back = await setEmployeeSource(roster, 'test', null, findKind);
    expect(back.rule).toBe('hr_sources');
    expect(await typeOf('ann@acme.example')).toBe('past_employee');
  });

  it('refuses a source that does not report employees, and changes nothing', async () => {
    const apps = await source('apps', 'Wiki export');
    await sync(apps, [account('carol@acme.example', 'Wiki')]);
    await expect(setEmployeeSource(roster, 'test', 'Wiki export', findKind)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(setEmployeeSource(roster, 'test', 'No such source', findKind)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await getEmployeeSource(roster)).rule).toBe('hr_sources');
  });

  it('counts the domains an identity provider verified as the organisation’s, until it stops listing them', async () => {
    await sync(idp, [
      account('ann@acme.example', 'Directory'),
      account('dan@acme-labs.example', 'Directory'),
      { type: 'domain', name: 'ACME-labs.example', verified: true },
      { type: 'domain', name: 'unverified.example', verified: false },
    ]);
    const settings = await getSettings(roster);
    expect(settings.domains).toEqual(['acme.example']);
    expect(settings.managedDomains).toEqual(['acme-labs.example', 'acme.example']);
    // Internal without an employee record: a service or shared account, not an external user.
    expect(await typeOf('dan@acme-labs.example')).toBe('service');

    await sync(idp, [
      account('ann@acme.example', 'Directory'),
      account('dan@acme-labs.example', 'Directory'),
    ]);
    expect((await getSettings(roster)).managedDomains).toEqual(['acme.example']);
    expect(await typeOf('dan@acme-labs.example')).toBe('external');
  });

  it('treats usage as unknown, with the reason, when a source reports it cannot give it', async () => {
    const licensed = account('ann@acme.example', 'Directory', { licenseTypes: ['E3'], lastUsedAt: ago(200) });
    const e3: SourceRecordInput = { type: 'license_type', app: 'Directory', name: 'E3' };
    await sync(idp, [licensed, e3]);
    const app = await roster.database.db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', 'Directory')
      .executeTakeFirstOrThrow();
    expect((await licenseCounts(roster, app.id))[0]).toMatchObject({ inactive: 1, usageUnknown: 0 });

    const reason = 'The tenant has no Entra ID P1 licence, so sign-in activity cannot be read';
    const result = await runSync({ database: roster.database, secrets: roster.secrets, findKind }, idp, {
      trigger: 'test',
      input: [
        {
          records: [{ ...licensed, lastUsedAt: null }, e3],
          unavailable: [{ capability: 'lastUsed', reason }],
        },
      ],
    });
    expect(result.status).toBe('succeeded');
    const row = await roster.database.db
      .selectFrom('sources')
      .select('unavailable')
      .where('id', '=', idp)
      .executeTakeFirstOrThrow();
    expect(row.unavailable).toEqual([{ capability: 'lastUsed', reason }]);
    // The old date is no evidence of inactivity once the source says it can no longer see sign-ins.
    expect((await licenseCounts(roster, app.id))[0]).toMatchObject({ inactive: 0, usageUnknown: 1 });
    const usage = await explainAppUsage(roster, 'Directory', findKind);
    expect(usage.causes.find((c) => c.code === 'usage_unavailable')?.text).toContain(reason);
  });
});
