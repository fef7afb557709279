import { describe, expect, it } from 'vitest';
import { sourceHealth } from './source-health.js';

const now = new Date('2026-11-23T12:00:00Z');
const base = {
  lastRunStatus: 'succeeded' as const,
  lastErrorCode: null,
  lastErrorMessage: null,
  lastSuccessAt: new Date('2026-11-22T12:00:00Z'),
  heldRemovals: null,
  stalenessDays: 3,
  mode: 'pull' as const,
};

describe('source health', () => {
  it('is ok after a recent success', () => {
    expect(sourceHealth(base, now).status).toBe('ok');
  });
  it('needs attention with the credentials reason when the provider refused them', () => {
    const health = sourceHealth(
      { ...base, lastRunStatus: 'failed', lastErrorCode: 'auth', lastErrorMessage: 'HTTP 401' },
      now,
    );
    expect(health).toMatchObject({ status: 'needs_attention', reason: 'credentials', message: 'HTTP 401' });
  });
  it('needs attention with the number of removals held for confirmation', () => {
    const health = sourceHealth({ ...base, lastRunStatus: 'held', heldRemovals: 500 }, now);
    expect(health).toMatchObject({
      status: 'needs_attention',
      reason: 'removals_held',
      message: '500 removals held for confirmation',
    });
    expect(health.fix).toContain('--confirm-removals');
  });
  it('keeps saying removals are held after a later sync failed', () => {
    const health = sourceHealth(
      { ...base, lastRunStatus: 'failed', lastErrorCode: 'transient', heldRemovals: 12 },
      now,
    );
    expect(health.message).toBe('12 removals held for confirmation');
  });
  it('is ok again once a held run was discarded', () => {
    expect(sourceHealth({ ...base, lastRunStatus: 'discarded' }, now).status).toBe('ok');
  });
  it('needs attention when the last sync failed for another reason', () => {
    expect(
      sourceHealth(
        { ...base, lastRunStatus: 'failed', lastErrorCode: 'transient', lastErrorMessage: 'HTTP 503' },
        now,
      ).reason,
    ).toBe('sync_failed');
  });
  it('needs attention once the last success is older than the staleness limit', () => {
    expect(sourceHealth({ ...base, lastSuccessAt: new Date('2026-11-20T11:00:00Z') }, now)).toMatchObject({
      status: 'needs_attention',
      reason: 'stale',
    });
    expect(sourceHealth({ ...base, lastSuccessAt: new Date('2026-11-20T13:00:00Z') }, now).status).toBe('ok');
    expect(
      sourceHealth({ ...base, stalenessDays: 1, lastSuccessAt: new Date('2026-11-22T11:00:00Z') }, now)
        .reason,
    ).toBe('stale');
  });
  it('needs attention when a pull source never synced, but not a push source still waiting for data', () => {
    expect(sourceHealth({ ...base, lastRunStatus: null, lastSuccessAt: null }, now).reason).toBe(
      'never_synced',
    );
    expect(
      sourceHealth({ ...base, lastRunStatus: null, lastSuccessAt: null, mode: 'push' }, now).status,
    ).toBe('ok');
  });

  describe('an expiring credential', () => {
    const expiry = {
      expiresAt: new Date('2027-01-05T09:30:00Z'),
      title: 'Client secret',
      renew: 'create a new one in Entra and update the source',
    };
    const at = (iso: string) =>
      sourceHealth({ ...base, lastSuccessAt: new Date(iso), credentialExpiry: expiry }, new Date(iso));

    it('says nothing more than 30 days before it expires', () => {
      expect(at('2026-12-06T09:29:00Z')).toMatchObject({ status: 'ok', reason: null });
    });
    it('warns 30 days before, naming the day and what renews it', () => {
      expect(at('2026-12-06T09:31:00Z')).toEqual({
        status: 'warning',
        reason: 'credentials_expiring',
        message: 'Client secret expires on 2027-01-05: create a new one in Entra and update the source',
        fix: expect.stringContaining('roster sources set'),
      });
      expect(at('2026-12-29T09:29:00Z').status).toBe('warning');
    });
    it('needs attention 7 days before, and once it has expired', () => {
      expect(at('2026-12-29T09:31:00Z')).toMatchObject({
        status: 'needs_attention',
        reason: 'credentials_expiring',
        message: 'Client secret expires on 2027-01-05: create a new one in Entra and update the source',
      });
      expect(at('2027-01-06T00:00:00Z')).toMatchObject({
        status: 'needs_attention',
        message: 'Client secret expired on 2027-01-05: create a new one in Entra and update the source',
      });
    });
    it('gives way to a refused credential, which is the worse news', () => {
      const refused = sourceHealth(
        { ...base, lastRunStatus: 'failed', lastErrorCode: 'auth', credentialExpiry: expiry },
        new Date('2027-01-06T00:00:00Z'),
      );
      expect(refused.reason).toBe('credentials');
    });
  });
});
