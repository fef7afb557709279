import { observe } from './activity.js';
import { indexAppDomains } from './domain-match.js';
import { readState, updateState } from './local-state.js';
import { type ManagedSettings, parseManagedSettings } from './managed-settings.js';
import type { ExtensionMessage, ExtensionStatus } from './messages.js';
import { retryAlarm, sendQueued } from './reporter.js';
import type { RosterApi } from './roster-api.js';
import { connectedPage, finishConnect, orgDomainsFor, reconcile, startConnect } from './session.js';

/**
 * The service worker: wires browser events to the extension's parts. It holds nothing in memory that matters;
 * everything lives in chrome.storage so a stopped worker loses nothing.
 */
const refreshAlarm = 'roster-refresh';
/** Roster could not be reached for its config: try again soon rather than at the next hourly refresh. */
const configRetryAlarm = 'roster-config-retry';

async function loadSettings(): Promise<ManagedSettings> {
  return parseManagedSettings((await chrome.storage.managed.get(null)) as Record<string, unknown>);
}

let settingUp: Promise<{ settings: ManagedSettings; api: RosterApi | null }> | null = null;

/** Settings and Roster's client, set up once per worker start and again when the policy or token changes. */
function setUp(again = false) {
  if (!settingUp || again) {
    settingUp = (async () => {
      const settings = await loadSettings();
      const api = await reconcile(settings);
      await updateBadge(settings);
      if (api && !(await readState()).config)
        await chrome.alarms.create(configRetryAlarm, { delayInMinutes: 1 });
      return { settings, api };
    })();
    settingUp.catch(() => {
      settingUp = null;
    });
  }
  return settingUp;
}

async function updateBadge(settings: ManagedSettings): Promise<void> {
  const state = await readState();
  const waiting =
    settings.mode === 'authenticated' && settings.rosterUrl !== null && (!state.token || state.needsSignIn);
  await chrome.action.setBadgeText({ text: waiting ? '!' : '' });
  await chrome.action.setTitle({ title: waiting ? 'Roster: sign in to report app use' : 'Roster' });
}

async function send(): Promise<void> {
  const { api } = await setUp();
  if (api) await sendQueued(api);
}

async function recordFromTab(
  sender: chrome.runtime.MessageSender,
  type: 'visit' | 'sign_in' | 'sign_up',
  typedEmail: string | null,
) {
  const { api, settings } = await setUp();
  if (!api || !sender.tab || !sender.url) return;
  const state = await readState();
  if (!state.config) return;
  // The host comes from the browser's record of the sender, never from the page, and goes no further than this match.
  const match = indexAppDomains(state.config.apps).match(new URL(sender.url).hostname);
  if (!match) return;
  const orgDomains = orgDomainsFor(settings, state.config.orgDomains);
  await updateState((current) => {
    const next = observe(
      { queue: current.outbox.queue, accounts: current.accounts },
      { type, match, typedEmail, at: new Date() },
      orgDomains,
    );
    return {
      next: { outbox: { ...current.outbox, queue: next.queue }, accounts: next.accounts },
      result: null,
    };
  });
  await sendQueued(api);
}

async function status(): Promise<ExtensionStatus> {
  const { settings, api } = await setUp();
  const state = await readState();
  return {
    mode: settings.mode,
    rosterUrl: settings.rosterUrl,
    email: state.email,
    reporting: api !== null,
    needsSignIn: settings.mode === 'authenticated' && (!state.token || state.needsSignIn),
    queued: state.outbox.queue.length + (state.outbox.pending?.events.length ?? 0),
    problems: settings.problems,
  };
}

async function handle(message: ExtensionMessage, sender: chrome.runtime.MessageSender): Promise<unknown> {
  // Only the extension's own pages and its content script can reach this listener (no externally_connectable).
  if (sender.id !== chrome.runtime.id) return null;
  // Activity comes from the content script in a web page; everything else from the extension's own pages.
  const fromOwnPage = sender.url?.startsWith(chrome.runtime.getURL('')) ?? false;
  const fromContentScript = sender.tab !== undefined && !fromOwnPage;
  if ((message.kind === 'visit' || message.kind === 'form') !== fromContentScript) return null;
  switch (message.kind) {
    case 'visit':
      return recordFromTab(sender, 'visit', null);
    case 'form':
      return recordFromTab(sender, message.form, message.email);
    case 'connect':
      return startConnect((await setUp()).settings);
    case 'connected': {
      if (sender.url?.split('#')[0] !== chrome.runtime.getURL(connectedPage)) return false;
      const accepted = await finishConnect(message.token, message.email, message.state);
      if (accepted) {
        await setUp(true);
        await send();
      }
      return accepted;
    }
    case 'status':
      return status();
  }
}

chrome.runtime.onMessage.addListener((message: ExtensionMessage, sender, reply) => {
  handle(message, sender).then(reply, (error: unknown) => {
    console.error('Roster extension:', error);
    reply(null);
  });
  return true;
});

chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void setUp(true).then(send);
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === refreshAlarm || alarm.name === configRetryAlarm) void setUp(true).then(send);
  if (alarm.name === retryAlarm) void send();
});

chrome.runtime.onInstalled.addListener(() => {
  void chrome.alarms.create(refreshAlarm, { periodInMinutes: 60 });
});

self.addEventListener('online', () => void send());

void setUp().then(send);
