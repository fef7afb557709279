import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { judgeAddress } from './address-policy.js';

describe('outbound settings', () => {
  it('open nothing and cap answers at 50 MiB by default', () => {
    const { outbound } = loadConfig({});
    expect(outbound.maxBytes).toBe(50 * 1024 * 1024);
    expect(outbound.timeoutMs).toBe(60_000);
    expect(judgeAddress(outbound.allow, '10.0.0.5')).toMatchObject({ allowed: false });
  });

  it('read ROSTER_OUTBOUND_ALLOW once into the policy', () => {
    const { outbound } = loadConfig({ ROSTER_OUTBOUND_ALLOW: '10.0.0.0/8,mirror.corp.example' });
    expect(judgeAddress(outbound.allow, '10.0.0.5')).toEqual({ allowed: true, listed: true });
    expect(outbound.allow.hosts.has('mirror.corp.example')).toBe(true);
  });

  it('refuse to start on an entry they cannot read, naming the variable and the entry', () => {
    expect(() => loadConfig({ ROSTER_OUTBOUND_ALLOW: '10.0.0.0/8,10.0.0.0/40' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROSTER_OUTBOUND_ALLOW: '10.0.0.0/8,10.0.0.0/40' })).toThrow(
      'ROSTER_OUTBOUND_ALLOW: "10.0.0.0/40" is not a CIDR range',
    );
    expect(() => loadConfig({ ROSTER_OUTBOUND_MAX_BYTES: '0' })).toThrow('ROSTER_OUTBOUND_MAX_BYTES');
  });
});
