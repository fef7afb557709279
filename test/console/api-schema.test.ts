import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaSource, schemaPath } from '../../scripts/api-schema.js';

describe("the console's typed API client", () => {
  it('is generated from the current routes (run `npm run generate:api` after changing a route)', async () => {
    const committed = readFileSync(schemaPath, 'utf8');
    expect(committed === (await apiSchemaSource()), 'console/src/api/schema.d.ts is stale').toBe(true);
  });
});
