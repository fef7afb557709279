import { contentScriptMatches } from './domain-match.js';

const scriptId = 'roster-app-activity';

/**
 * Runs the content script on the app domains only, so the extension is not even present on other sites.
 * Called with no domains (not signed in, disabled) it removes the script everywhere.
 */
export async function runContentScriptOn(domains: readonly string[]): Promise<void> {
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [scriptId] });
  if (registered.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [scriptId] });
  if (domains.length === 0) return;
  await chrome.scripting.registerContentScripts([
    {
      id: scriptId,
      js: ['content.js'],
      matches: contentScriptMatches(domains),
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
