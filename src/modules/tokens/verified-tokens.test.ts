import { describe, expect, it } from 'vitest';
import {
  forgetVerifiedTokens,
  revocationCount,
  type VerifiedToken,
  VerifiedTokens,
  verifiedTokenSeconds,
} from './verified-tokens.js';

const token: VerifiedToken = {
  id: 1,
  name: 'ci',
  role: 'read-only',
  actsForEmail: null,
  pushAppId: null,
  expiresAt: null,
  lastUsedAt: null,
};
const now = new Date('2026-03-01T10:00:00Z');

describe('verified tokens', () => {
  it('keeps a verification for a few seconds only', () => {
    const cache = new VerifiedTokens();
    cache.remember('h', token, now, revocationCount());
    expect(cache.find('h', new Date(now.getTime() + verifiedTokenSeconds * 1000 - 1))).toBe(token);
    expect(cache.find('h', new Date(now.getTime() + verifiedTokenSeconds * 1000))).toBeUndefined();
  });

  it('does not keep a verification that was under way when a token was revoked', () => {
    const cache = new VerifiedTokens();
    const before = revocationCount();
    forgetVerifiedTokens();
    cache.remember('h', token, now, before);
    expect(cache.find('h', now)).toBeUndefined();
  });

  it('trusts nothing verified before a revocation, in any cache of the process', () => {
    const first = new VerifiedTokens();
    const second = new VerifiedTokens();
    first.remember('a', token, now, revocationCount());
    second.remember('b', token, now, revocationCount());
    forgetVerifiedTokens();
    expect(first.find('a', now)).toBeUndefined();
    expect(second.find('b', now)).toBeUndefined();
  });

  it('holds a bounded number of tokens', () => {
    const cache = new VerifiedTokens(2);
    for (const hash of ['a', 'b', 'c']) cache.remember(hash, token, now, revocationCount());
    expect(cache.find('c', now)).toBe(token);
    expect(cache.find('a', now)).toBeUndefined();
  });
});
