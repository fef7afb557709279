import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeChrome, installFakeChrome, recordingFetch } from './fake-chrome.js';
import { readState, updateState } from './local-state.js';
import { type ManagedSettings, parseManagedSettings } from './managed-settings.js';
import { finishConnect, reconcile, startConnect } from './session.js';

const rosterUrl = 'https://roster.acme.io';
const config = {
  email: 'ada@acme.io',
  orgDomains: ['acme.io'],
  apps: [{ app: 'Slack', domains: ['slack.com'] }],
  version: '1',
};
const settings = (extra: Record<string, unknown>): ManagedSettings =>
  parseManagedSettings({ rosterUrl, orgDomains: ['acme.io'], ...extra });

function roster() {
  return recordingFetch((url) => {
    if (url.endsWith('/api/v1/extension/enroll'))
      return Response.json({ token: 'rxt_enrolled', email: 'ada@acme.io' });
    if (url.endsWith('/api/v1/extension/config')) return Response.json(config);
    return new Response(null, { status: 404 });
  });
}

describe('the extension brought in line with its policy', () => {
  let chrome: FakeChrome;
  beforeEach(() => {
    chrome = installFakeChrome();
  });

  it('in authenticated mode without a token, makes no request and runs nowhere', async () => {
    const { fetchFn, calls } = roster();
    expect(await reconcile(settings({ mode: 'authenticated' }), Date.now, fetchFn)).toBeNull();
    expect(calls).toEqual([]);
    expect(chrome.registered).toEqual([]);
  });

  it('in unauthenticated mode enrolls with the profile’s address, then runs on the app domains', async () => {
    chrome.profileEmail = 'ada@acme.io';
    const { fetchFn, calls } = roster();
    const api = await reconcile(
      settings({ mode: 'unauthenticated', enrollmentToken: 'rxe_1' }),
      Date.now,
      fetchFn,
    );
    expect(api).not.toBeNull();
    expect(calls.map((c) => [c.method, c.url, c.authorization, c.body])).toEqual([
      ['POST', `${rosterUrl}/api/v1/extension/enroll`, 'Bearer rxe_1', '{"email":"ada@acme.io"}'],
      ['GET', `${rosterUrl}/api/v1/extension/config`, 'Bearer rxt_enrolled', null],
    ]);
    expect(chrome.registered.flatMap((s) => s.matches)).toEqual(['*://*.slack.com/*']);
  });

  it('in unauthenticated mode without a profile address, makes no request', async () => {
    const { fetchFn, calls } = roster();
    expect(
      await reconcile(settings({ mode: 'unauthenticated', enrollmentToken: 'rxe_1' }), Date.now, fetchFn),
    ).toBeNull();
    expect(calls).toEqual([]);
  });

  it('stops running when Roster refuses the token', async () => {
    await updateState(() => ({ next: { token: 'rxt_revoked' }, result: null }));
    const refused = recordingFetch(() => new Response(null, { status: 401 }));
    expect(await reconcile(settings({ mode: 'authenticated' }), Date.now, refused.fetchFn)).toBeNull();
    expect((await readState()).needsSignIn).toBe(true);
    expect(chrome.registered).toEqual([]);
  });

  it('when disabled, forgets its token and everything queued, and runs nowhere', async () => {
    const { fetchFn } = roster();
    await updateState(() => ({ next: { token: 'rxt_1' }, result: null }));
    await reconcile(settings({ mode: 'authenticated' }), Date.now, fetchFn);
    await updateState((s) => ({
      next: {
        outbox: {
          ...s.outbox,
          queue: [{ type: 'visit', domain: 'slack.com', at: new Date().toISOString() }],
        },
      },
      result: null,
    }));
    expect(chrome.registered).toHaveLength(1);
    expect(await reconcile(settings({ mode: 'disabled' }), Date.now, fetchFn)).toBeNull();
    const state = await readState();
    expect([state.token, state.config, state.outbox.queue]).toEqual([null, null, []]);
    expect(chrome.registered).toEqual([]);
  });
});

describe('signing in to the extension through Roster', () => {
  beforeEach(() => {
    installFakeChrome();
  });

  it('opens Roster’s connect page and keeps only the token that comes back with its state', async () => {
    const chrome = installFakeChrome();
    await startConnect(settings({ mode: 'authenticated' }));
    const opened = new URL(chrome.openedTabs[0]!);
    expect(`${opened.origin}${opened.pathname}`).toBe(`${rosterUrl}/extension/connect`);
    expect(opened.searchParams.get('return_to')).toBe(
      'chrome-extension://phofnkmjfbkcldbpdchbcinigcnbeaie/connected.html',
    );
    const state = opened.searchParams.get('state')!;
    expect(state).toMatch(/^[0-9a-f]{32}$/);

    expect(await finishConnect('rxt_abc', 'ada@acme.io', 'someone-elses-state')).toBe(false);
    expect(await finishConnect('not-an-extension-token', 'ada@acme.io', state)).toBe(false);
    expect((await readState()).token).toBeNull();
    expect(await finishConnect('rxt_abc', 'Ada@Acme.io', state)).toBe(true);
    expect(await readState()).toMatchObject({ token: 'rxt_abc', email: 'ada@acme.io', connectState: null });
    // The state is used once.
    expect(await finishConnect('rxt_other', 'ada@acme.io', state)).toBe(false);
  });

  it('does not start in unauthenticated mode', async () => {
    const chrome = installFakeChrome();
    await startConnect(settings({ mode: 'unauthenticated', enrollmentToken: 'rxe_1' }));
    expect(chrome.openedTabs).toEqual([]);
  });
});
