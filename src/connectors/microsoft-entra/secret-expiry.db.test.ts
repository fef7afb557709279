import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { addSource, getSource, syncSource } from '../../modules/sources/sources.service.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import type { RunningProvider } from '../../simulators/kit/simulated-provider.js';
import {
  type GraphSimulatorOptions,
  startMicrosoftGraph,
} from '../../simulators/microsoft-graph/graph-simulator.js';

const directory = generateDirectory({
  people: 5,
  aliasesPerPerson: 0,
  now: new Date('2026-11-01T00:00:00Z'),
});
const dayMs = 86_400_000;

describe.each(lanes)("the expiry of an Entra source's client secret on %s", (lane) => {
  let roster: TestRoster;
  const providers: RunningProvider[] = [];
  const add = async (name: string, options: Partial<GraphSimulatorOptions>) => {
    const provider = await startMicrosoftGraph({ directory, guests: 0, retryAfterSeconds: 0, ...options });
    providers.push(provider);
    const source = await addSource(roster, 'test', {
      kind: provider.kind,
      name,
      config: { ...provider.source.config, discoverApps: false, http: { baseDelayMs: 1, maxDelayMs: 5 } },
      credentials: provider.source.credentials,
    });
    return source.id;
  };
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await Promise.all(providers.map((p) => p.close()));
    await roster.close();
  });

  it('is recorded by a sync and warns on the source before the secret runs out', async () => {
    const expiresAt = new Date(Math.floor((Date.now() + 20 * dayMs) / 1000) * 1000);
    const id = await add('Entra expiring', { clientSecretExpiresAt: expiresAt });
    expect((await syncSource(roster, 'test', id)).status).toBe('succeeded');
    const source = await getSource(roster, id);
    expect(source.credentialExpiresAt).toBe(expiresAt.toISOString());
    expect(source.health).toMatchObject({
      status: 'warning',
      reason: 'credentials_expiring',
      message: `Client secret expires on ${expiresAt.toISOString().slice(0, 10)}: create a new one in Entra and update the source`,
    });
  });

  it('says nothing and still syncs when reading the app registration is refused, forgetting an old expiry', async () => {
    const id = await add('Entra without Application.Read.All', {
      permissions: ['User.Read.All', 'AuditLog.Read.All', 'Domain.Read.All', 'Organization.Read.All'],
    });
    await roster.database.db
      .updateTable('sources')
      .set({ credential_expires_at: new Date(Date.now() + 3 * dayMs) })
      .where('id', '=', id)
      .execute();
    const result = await syncSource(roster, 'test', id);
    expect(result.error).toBeNull();
    expect(result.status).toBe('succeeded');
    const source = await getSource(roster, id);
    expect(source.credentialExpiresAt).toBeNull();
    expect(source.health).toMatchObject({ status: 'ok', reason: null });
  });
});
