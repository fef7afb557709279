import { describe, expect, it } from 'vitest';
import { versionedPath } from './api-version.js';

describe('versionedPath', () => {
  it('puts an API path under /api/v1 once, keeping its query', () => {
    expect(versionedPath('/api/apps/7?limit=5')).toBe('/api/v1/apps/7?limit=5');
    // A link the server answered (a sync's run) is versioned already: followed as it is.
    expect(versionedPath('/api/v1/sync-runs/3')).toBe('/api/v1/sync-runs/3');
  });

  it('leaves what is not an API operation alone', () => {
    for (const path of ['/healthz', '/auth/link', '/api/openapi.json', '/api/docs/json', '/apps/Slack'])
      expect(versionedPath(path)).toBe(path);
  });
});
