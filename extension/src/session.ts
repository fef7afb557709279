import { runContentScriptOn } from './content-scripts.js';
import { indexAppDomains } from './domain-match.js';
import { readState, resetState, updateState } from './local-state.js';
import type { ManagedSettings } from './managed-settings.js';
import { RosterApi } from './roster-api.js';

/** How long a config from Roster is used before it is asked for again. */
export const configMaxAgeMs = 6 * 60 * 60 * 1000;

/** The path of the page Roster hands the token back to (in web_accessible_resources). */
export const connectedPage = 'connected.html';

/**
 * Brings the extension in line with the policy and what it holds: disabled forgets everything; without a
 * token nothing runs and nothing is sent (authenticated mode waits for its person to sign in; unauthenticated
 * mode enrolls with the browser profile's address); with a token it keeps Roster's config fresh and runs the
 * content script on the app domains it names.
 */
export async function reconcile(
  settings: ManagedSettings,
  now: () => number = Date.now,
  fetchFn?: typeof fetch,
): Promise<RosterApi | null> {
  if (settings.mode === 'disabled' || !settings.rosterUrl) {
    await runContentScriptOn([]);
    if (settings.mode === 'disabled') await resetState();
    return null;
  }
  const api = new RosterApi(settings.rosterUrl, fetchFn);
  let state = await readState();
  // A refused token in unauthenticated mode is replaced by enrolling again; a person has nothing to do.
  if (state.needsSignIn && settings.mode === 'unauthenticated') {
    await updateState(() => ({ next: { token: null, needsSignIn: false, config: null }, result: null }));
    state = await readState();
  }

  if (!state.token && settings.mode === 'unauthenticated' && settings.enrollmentToken) {
    const profile = await chrome.identity.getProfileUserInfo({
      accountStatus: chrome.identity.AccountStatus.ANY,
    });
    if (profile.email) {
      const answer = await api.enroll(settings.enrollmentToken, profile.email);
      if (answer.body) {
        const enrolled = answer.body;
        await updateState(() => ({
          next: { token: enrolled.token, email: enrolled.email, needsSignIn: false },
          result: null,
        }));
      }
    }
    state = await readState();
  }

  if (!state.token || state.needsSignIn) {
    await runContentScriptOn([]);
    return null;
  }

  if (!state.config || now() - state.config.fetchedAt > configMaxAgeMs) {
    const answer = await api.getConfig(state.token);
    if (answer.status === 401 || answer.status === 403) {
      await updateState(() => ({ next: { needsSignIn: true }, result: null }));
      await runContentScriptOn([]);
      return null;
    }
    if (answer.body) {
      const config = { ...answer.body, fetchedAt: now() };
      await updateState(() => ({ next: { config }, result: null }));
    }
    state = await readState();
  }

  await runContentScriptOn(state.config ? indexAppDomains(state.config.apps).domains() : []);
  return api;
}

/** The org domains that decide whose activity a typed address is: Roster's when signed in, else the policy's. */
export function orgDomainsFor(
  settings: ManagedSettings,
  configDomains: readonly string[] | undefined,
): string[] {
  return configDomains && configDomains.length > 0 ? [...configDomains] : settings.orgDomains;
}

/** Opens Roster's connect page; the `state` it carries comes back with the token and is checked then. */
export async function startConnect(settings: ManagedSettings): Promise<void> {
  if (settings.mode !== 'authenticated' || !settings.rosterUrl) return;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const state = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  await updateState(() => ({ next: { connectState: state }, result: null }));
  const url = new URL(`${settings.rosterUrl}/extension/connect`);
  url.searchParams.set('return_to', chrome.runtime.getURL(connectedPage));
  url.searchParams.set('state', state);
  await chrome.tabs.create({ url: url.toString() });
}

/** Keeps the token Roster handed back, when it answers the connect flow this extension started. */
export function finishConnect(token: string, email: string, state: string): Promise<boolean> {
  return updateState((current) => {
    const valid = current.connectState !== null && state === current.connectState && /^rxt_\S+$/.test(token);
    if (!valid) return { next: {}, result: false };
    return {
      next: {
        token,
        email: email.trim().toLowerCase(),
        connectState: null,
        needsSignIn: false,
        config: null,
      },
      result: true,
    };
  });
}
