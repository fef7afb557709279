import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('ROSTER_TRUST_PROXY', () => {
  const trust = (value?: string) =>
    loadConfig({
      ROSTER_DATA_DIR: '/tmp/roster',
      ...(value === undefined ? {} : { ROSTER_TRUST_PROXY: value }),
    }).trustProxy;

  it('trusts no proxy unless told, then every hop, a number of hops, or the listed proxies', () => {
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.5,::1')).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => trust('yes please')).toThrow(ConfigError);
    expect(() => trust('proxy.internal')).toThrow(/ROSTER_TRUST_PROXY/);
  });
});
