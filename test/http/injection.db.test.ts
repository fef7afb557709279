import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../support/http.js';
import { account, ago, syncRecords } from '../support/records.js';
import { insertSource } from '../support/sources.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

/** Text that would change a query's meaning if it were spliced into SQL, a LIKE pattern or a template. */
const payloads = [
  `' or 1=1 --`,
  `"; drop table users; --`,
  `') or ('a'='a`,
  '%',
  '_',
  '%_\\',
  '{{7*7}}',
  '<script>alert(1)</script>',
];

/** Every search and filter the API offers over stored text, with the field each item is named by. */
const filters = [
  { url: '/api/apps?search=', name: (item: Record<string, unknown>) => item.name },
  { url: '/api/users?search=', name: (item: Record<string, unknown>) => item.email },
  { url: '/api/catalog?search=', name: (item: Record<string, unknown>) => item.name },
  { url: '/api/licenses/inactive?user=', name: (item: Record<string, unknown>) => item.email },
  { url: '/api/licenses/inactive?licenseType=', name: (item: Record<string, unknown>) => item.licenseType },
  { url: '/api/sync-runs?source=', name: (item: Record<string, unknown>) => item.source },
  { url: '/api/audit?actor=', name: (item: Record<string, unknown>) => item.actor },
];

describe.each(lanes)('injection attempts on %s', (lane) => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const id = await insertSource(roster, 'Feed');
    // Stored text that looks like a payload must be found as text, and only by itself.
    await syncRecords(roster, id, [
      { type: 'license_type', app: 'Jira', name: 'Standard', purchased: 5 },
      { type: 'license_type', app: 'Jira', name: `Plan' or 1=1 --`, purchased: 5 },
      account('ann@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(400) }),
      account(`o'brien@acme.io`, 'Jira', { licenseTypes: [`Plan' or 1=1 --`], lastUsedAt: ago(400) }),
      account('bob@acme.io', 'Slack'),
      account('cy@acme.io', `Quote' or 1=1 --`),
    ]);
    server = await testServer(roster);
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
  });

  const names = async (url: string, name: (item: Record<string, unknown>) => unknown) => {
    const response = await server.app.inject({ url, headers: server.as('admin') });
    expect(response.statusCode, url).toBe(200);
    return (response.json().items as Record<string, unknown>[]).map(name).sort();
  };

  it('finds nothing for a payload where nothing holds its text, though every list has rows', async () => {
    for (const filter of filters) {
      const all = await names(filter.url.replace(/[?&][a-zA-Z]+=$/, ''), filter.name);
      expect(all.length, filter.url).toBeGreaterThan(0);
      for (const payload of payloads.filter((p) => p !== `' or 1=1 --`)) {
        expect(
          await names(filter.url + encodeURIComponent(payload), filter.name),
          `${filter.url}${payload}`,
        ).toEqual([]);
      }
    }
  });

  it('finds stored text that looks like a payload as itself, and nothing else', async () => {
    expect(await names(`/api/apps?search=${encodeURIComponent(`' or 1=1`)}`, (i) => i.name)).toEqual([
      `Quote' or 1=1 --`,
    ]);
    expect(await names(`/api/users?search=${encodeURIComponent(`o'brien`)}`, (i) => i.email)).toEqual([
      `o'brien@acme.io`,
    ]);
    expect(await names(`/api/licenses/inactive?user=${encodeURIComponent(`o'b`)}`, (i) => i.email)).toEqual([
      `o'brien@acme.io`,
    ]);
    expect(
      await names(
        `/api/licenses/inactive?licenseType=${encodeURIComponent(`Plan' or 1=1 --`)}`,
        (i) => i.email,
      ),
    ).toEqual([`o'brien@acme.io`]);
    expect(await names(`/api/licenses/inactive?licenseType=Standard`, (i) => i.email)).toEqual([
      'ann@acme.io',
    ]);
    // The tables are all still there, with every row.
    expect(await names('/api/users', (i) => i.email)).toEqual([
      'ann@acme.io',
      'bob@acme.io',
      'cy@acme.io',
      `o'brien@acme.io`,
    ]);
  });
});
