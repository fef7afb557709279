import type { ExtensionMessage, ExtensionStatus } from './messages.js';

/** The toolbar popup: what the extension does for this person, and the sign-in button in authenticated mode. */
const ask = (message: ExtensionMessage) => chrome.runtime.sendMessage(message);

async function show(): Promise<void> {
  const status = (await ask({ kind: 'status' })) as ExtensionStatus | null;
  const text = document.getElementById('status')!;
  const button = document.getElementById('connect') as HTMLButtonElement;
  if (!status) {
    text.textContent = 'The extension is starting; open this again in a moment.';
    return;
  }
  if (status.mode === 'disabled') text.textContent = 'Your organisation has turned reporting off.';
  else if (!status.rosterUrl) text.textContent = `Not configured: ${status.problems.join('; ')}.`;
  else if (status.needsSignIn)
    text.textContent = 'Sign in so Roster can see which work apps you use. Nothing is reported until you do.';
  else if (status.reporting)
    text.textContent = `Reporting work app use for ${status.email ?? 'you'}. ${status.queued} events waiting to be sent.`;
  else text.textContent = 'Waiting for Roster.';
  button.hidden = !status.needsSignIn || !status.rosterUrl;
}

document.getElementById('connect')!.addEventListener('click', () => {
  void ask({ kind: 'connect' }).then(() => window.close());
});
void show();
