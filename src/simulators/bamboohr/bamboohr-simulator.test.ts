import { afterEach, describe, expect, it } from 'vitest';
import { generateDirectory } from '../kit/directory.js';
import { type RunningBambooHr, startBambooHr } from './bamboohr-simulator.js';

const now = new Date('2026-11-28T00:00:00Z');
let sim: RunningBambooHr | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function report(
  running: RunningBambooHr,
  query: string,
  init: { accept?: string; key?: string; body?: unknown } = {},
) {
  const key = init.key ?? (running.source.credentials as { apiKey: string }).apiKey;
  return fetch(`${running.url}/api/gateway.php/${running.companyDomain}/v1/reports/custom?${query}`, {
    method: 'POST',
    headers: {
      accept: init.accept ?? 'application/json',
      authorization: `Basic ${Buffer.from(`${key}:x`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(init.body ?? { fields: ['id', 'workEmail', 'status', 'terminationDate'] }),
  });
}

describe('simulated BambooHR', () => {
  it('lists only current employees unless onlyCurrent=false, and never service mailboxes', async () => {
    const directory = generateDirectory({ people: 200, now });
    sim = await startBambooHr({ directory });
    const current = (await (await report(sim, 'format=JSON')).json()) as { employees: { status: string }[] };
    const all = (await (await report(sim, 'format=JSON&onlyCurrent=false')).json()) as {
      fields: { id: string; name: string }[];
      employees: { status: string; terminationDate: string }[];
    };
    const hr = directory.people.filter((p) => p.kind !== 'service');
    expect(all.employees).toHaveLength(hr.length);
    expect(current.employees).toHaveLength(hr.filter((p) => p.employment === 'active').length);
    expect(current.employees.every((e) => e.status === 'Active')).toBe(true);
    expect(all.employees.some((e) => e.status === 'Active' && e.terminationDate === '0000-00-00')).toBe(true);
    expect(all.fields.map((f) => f.id)).toEqual(['id', 'workEmail', 'status', 'terminationDate']);
  });

  it('answers errors the BambooHR way: status code plus X-BambooHR-Error-Message', async () => {
    sim = await startBambooHr({ directory: generateDirectory({ people: 5, now }) });
    const bad = await report(sim, 'format=JSON', { key: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('x-bamboohr-error-message')).toBe('Invalid API key');
    const unknown = await report(sim, 'format=JSON', { body: { fields: ['id', 'shoeSize'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-bamboohr-error-message')).toContain('shoeSize');
    expect((await report(sim, 'format=JSON', { accept: 'application/xml' })).status).toBe(406);
    sim.faults.set({ throttleEvery: 1 });
    const throttled = await report(sim, 'format=JSON');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
  });
});
