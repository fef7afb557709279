import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('lease settings', () => {
  it('hold work two minutes, renewed every 30 seconds, unless told otherwise', () => {
    expect(loadConfig({}).lease).toEqual({ durationMs: 120_000, renewEveryMs: 30_000 });
    expect(loadConfig({ ROSTER_LEASE_SECONDS: '2', ROSTER_LEASE_RENEW_SECONDS: '0.25' }).lease).toEqual({
      durationMs: 2_000,
      renewEveryMs: 250,
    });
  });

  it('refuse a renewal that would not land well before the lease runs out, naming the variable', () => {
    expect(() => loadConfig({ ROSTER_LEASE_SECONDS: '60', ROSTER_LEASE_RENEW_SECONDS: '31' })).toThrow(
      /ROSTER_LEASE_RENEW_SECONDS: must be at most half of ROSTER_LEASE_SECONDS/,
    );
    expect(() => loadConfig({ ROSTER_LEASE_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROSTER_LEASE_SECONDS: 'soon' })).toThrow(/ROSTER_LEASE_SECONDS/);
  });
});

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

describe('ROSTER_METRICS_LISTEN', () => {
  const listen = (value?: string) =>
    loadConfig(value === undefined ? {} : { ROSTER_METRICS_LISTEN: value }).metricsListen;

  it('is off unless set, then a host (IPv4, name, or IPv6 in brackets) and port', () => {
    expect(listen()).toBeNull();
    expect(listen('')).toBeNull();
    expect(listen('10.0.0.5:9464')).toEqual({ host: '10.0.0.5', port: 9464 });
    expect(listen('metrics.internal:9464')).toEqual({ host: 'metrics.internal', port: 9464 });
    expect(listen('[::]:9464')).toEqual({ host: '::', port: 9464 });
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['9464', '10.0.0.5', '10.0.0.5:', '10.0.0.5:99999', '::1:9464', 'http://10.0.0.5:9464'])
      expect(() => listen(bad), bad).toThrow(/ROSTER_METRICS_LISTEN: must be host:port/);
  });
});

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
