import { describe, expect, it } from 'vitest';
import { cachedReadOf, cachedReads } from './cached-reads.js';
import { permissionOf } from './permissions.js';

describe('cached reads', () => {
  it('are reads of the organisation’s data, never of the caller’s own things or downloads', () => {
    for (const route of [
      'GET /api/me',
      'GET /api/tokens',
      'GET /api/members',
      'GET /api/extension/tokens',
      'GET /api/workflow-credentials',
      'GET /api/sync-runs/:id',
      'GET /api/apps.csv',
      'GET /api/licenses/inactive.csv',
      'GET /api/audit',
    ]) {
      const [method, url] = route.split(' ');
      expect(cachedReadOf(method!, url), route).toBeUndefined();
    }
    for (const route of Object.keys(cachedReads)) {
      const [method, url] = route.split(' ');
      expect(method).toBe('GET');
      expect(['read', 'own-apps'], route).toContain(permissionOf(method!, url!));
    }
  });
});
