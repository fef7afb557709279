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
  init: { accept?: string; key?: string; body?: unknown; contentType?: string } = {},
) {
  const key = init.key ?? (running.source.credentials as { apiKey: string }).apiKey;
  return fetch(`${running.url}/api/gateway.php/${running.companyDomain}/v1/reports/custom?${query}`, {
    method: 'POST',
    headers: {
      accept: init.accept ?? 'application/json',
      authorization: `Basic ${Buffer.from(`${key}:x`).toString('base64')}`,
      'content-type': init.contentType ?? 'application/json',
    },
    body: JSON.stringify(init.body ?? { fields: ['id', 'workEmail', 'status', 'terminationDate'] }),
  });
}

describe('simulated BambooHR', () => {
  it('lists every HR person, Active and Inactive, and never service mailboxes', async () => {
    const directory = generateDirectory({ people: 200, now });
    sim = await startBambooHr({ directory });
    const all = (await (await report(sim, 'format=json&onlyCurrent=false')).json()) as {
      fields: { id: string; name: string }[];
      employees: { status: string; terminationDate: string }[];
    };
    const hr = directory.people.filter((p) => p.kind !== 'service');
    expect(all.employees).toHaveLength(hr.length);
    expect(all.employees.filter((e) => e.status === 'Inactive')).toHaveLength(
      hr.filter((p) => p.employment === 'terminated').length,
    );
    expect(all.employees.some((e) => e.status === 'Active' && e.terminationDate === '0000-00-00')).toBe(true);
    expect(all.fields.map((f) => f.id)).toEqual(['id', 'workEmail', 'status', 'terminationDate']);
    const current = (await (await report(sim, 'format=JSON')).json()) as { employees: unknown[] };
    expect(current.employees).toHaveLength(hr.length);
  });

  it('leaves unknown fields out without an error', async () => {
    sim = await startBambooHr({ directory: generateDirectory({ people: 5, now }) });
    const answer = await report(sim, 'format=JSON', { body: { fields: ['id', 'shoeSize'] } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { fields: { id: string }[]; employees: Record<string, unknown>[] };
    expect(body.fields.map((f) => f.id)).toEqual(['id']);
    expect(Object.keys(body.employees[0] ?? {})).toEqual(['id']);
  });

  it('answers errors the BambooHR way: status code plus X-BambooHR-Error-Message', async () => {
    sim = await startBambooHr({ directory: generateDirectory({ people: 5, now }) });
    const bad = await report(sim, 'format=JSON', { key: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('x-bamboohr-error-message')).toBe('Invalid API key');
    expect((await report(sim, '', { accept: 'application/xml' })).status).toBe(404);
    expect((await report(sim, '', { accept: 'application/json' })).status).toBe(200);
    const xml = await report(sim, 'format=JSON', { contentType: 'application/json; charset=UTF-8' });
    expect(xml.status).toBe(400);
    expect(xml.headers.get('x-bamboohr-error-message')).toBe('Malformed XML');
    sim.faults.set({ throttleEvery: 1 });
    const throttled = await report(sim, 'format=JSON');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
  });
});
