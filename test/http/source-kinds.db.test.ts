import { describe, expect, it } from 'vitest';
import { publishedSettings } from '../../src/connectors/kit/settings-schema.js';
import { sourceKinds } from '../../src/connectors/registry.js';
import { useTestServer } from '../support/http.js';

type Schema = Record<string, unknown>;

/** Every schema node of a JSON Schema document (properties, items, alternatives). */
function nodesOf(schema: Schema): Schema[] {
  const children = [
    ...Object.values((schema.properties ?? {}) as Record<string, Schema>),
    ...((schema.anyOf ?? schema.oneOf ?? []) as Schema[]),
    ...(schema.items && typeof schema.items === 'object' ? [schema.items as Schema] : []),
  ];
  return [schema, ...children.flatMap(nodesOf)];
}

describe('GET /api/source-kinds', () => {
  const ctx = useTestServer();
  const plantedToken = 'planted-okta-token-0d9f3c';
  const plantedKey = 'planted-bamboohr-key-77ab1e';

  it('publishes each kind’s settings as JSON Schema, and none of a configured source’s secrets', async () => {
    const { app, as } = ctx.server;
    for (const body of [
      {
        kind: 'okta',
        name: 'Okta',
        config: { baseUrl: 'https://acme.okta.com' },
        credentials: { apiToken: plantedToken },
      },
      {
        kind: 'bamboohr',
        name: 'BambooHR',
        config: { companyDomain: 'acme' },
        credentials: { apiKey: plantedKey },
      },
    ]) {
      const added = await app.inject({
        method: 'POST',
        url: '/api/sources',
        headers: as('admin'),
        payload: body,
      });
      expect(added.statusCode, added.body).toBe(201);
    }

    const response = await app.inject({ url: '/api/source-kinds', headers: as('read-only') });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(plantedToken);
    expect(response.body).not.toContain(plantedKey);

    const kinds: Schema[] = response.json().items;
    expect(kinds.map((k) => k.kind)).toEqual(sourceKinds.map((k) => k.kind));
    for (const kind of kinds) {
      const registered = sourceKinds.find((k) => k.kind === kind.kind)!;
      // The same document the kind's zod schemas generate, for every caller.
      expect({ configSchema: kind.configSchema, credentialsSchema: kind.credentialsSchema }).toEqual(
        publishedSettings(registered),
      );
      const config = kind.configSchema as Schema;
      expect(config.type, String(kind.kind)).toBe('object');
      expect(kind.needsCredentials).toBe(kind.credentialsSchema !== null);
      for (const schema of [config, kind.credentialsSchema as Schema | null]) {
        if (!schema) continue;
        // A secret field is described, never given a value: no default, example or constant to leak.
        for (const node of nodesOf(schema).filter((n) => n.writeOnly === true)) {
          expect(node, String(kind.kind)).not.toHaveProperty('default');
          expect(node, String(kind.kind)).not.toHaveProperty('examples');
          expect(node, String(kind.kind)).not.toHaveProperty('const');
        }
      }
    }
    const okta = kinds.find((k) => k.kind === 'okta')!;
    const alternatives = (okta.credentialsSchema as Schema).anyOf as Schema[];
    expect(alternatives.map((a) => a.title)).toContain('API token (SSWS)');
    const apiToken = (alternatives[0]!.properties as Record<string, Schema>).apiToken!;
    expect(apiToken.writeOnly).toBe(true);
  });
});
