import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('refuses a server database without ROSTER_SECRET_KEY: a generated key file would be one process’s own', () => {
    const env = { DATABASE_URL: 'postgres://roster@db:5432/roster' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/ROSTER_SECRET_KEY: is required with DATABASE_URL/);
    expect(loadConfig({ ...env, ROSTER_SECRET_KEY: 'k'.repeat(32) }).database).toEqual({
      kind: 'pg',
      url: env.DATABASE_URL,
    });
  });

  it('lets the embedded database generate its key', () => {
    expect(loadConfig({ ROSTER_DATA_DIR: '/tmp/roster-config-test' }).secretKey).toBeUndefined();
  });
});
