import type { ExtensionMessage } from './messages.js';

/**
 * The page Roster's connect flow returns to, with the token in the fragment (never sent to any server). It
 * hands the token to the service worker, which keeps it only if the `state` is the one it started with, then
 * clears the fragment so the token does not stay in the tab's history.
 */
const params = new URLSearchParams(location.hash.slice(1));
history.replaceState(null, '', location.pathname);
const message: ExtensionMessage = {
  kind: 'connected',
  token: params.get('token') ?? '',
  email: params.get('email') ?? '',
  state: params.get('state') ?? '',
};
const result = document.getElementById('result')!;
chrome.runtime.sendMessage(message).then(
  (accepted: boolean) => {
    result.textContent = accepted
      ? `Signed in as ${message.email}. Roster now receives which work apps you use. You can close this tab.`
      : 'This sign-in could not be used. Start again from the Roster extension’s button.';
  },
  () => {
    result.textContent = 'This sign-in could not be used. Start again from the Roster extension’s button.';
  },
);
