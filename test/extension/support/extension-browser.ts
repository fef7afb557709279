import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BrowserContext, chromium, type Request, type Worker } from 'playwright-core';
import { chromiumPath } from '../../../console/e2e/support/chromium.js';

export const extensionDir = join(process.cwd(), 'extension');
export const extensionDist = join(extensionDir, 'dist');

/** The extension's id, from the public key in its manifest (Chrome: SHA-256, first 32 hex digits as a–p). */
export function extensionIdFromKey(keyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export const extensionId = extensionIdFromKey(
  (JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { key: string }).key,
);

/** Builds the unpacked extension each run: the tests must drive the code as it is now. */
export function buildExtension(): void {
  execFileSync('npm', ['run', 'build', '--workspace', 'extension'], { stdio: 'inherit' });
}

/**
 * Where Chromium on Linux reads machine policy, the file an admin deploys (docs/browser-extension.md). Writing
 * it needs root, as deploying it does; the tests skip, saying so, when they cannot.
 */
export const policyDir = process.env.ROSTER_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const policyFile = join(policyDir, 'roster-extension-e2e.json');

export function canWritePolicy(): boolean {
  try {
    mkdirSync(policyDir, { recursive: true });
    accessSync(policyDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The extension's managed settings, as the `3rdparty` policy Chromium hands to `chrome.storage.managed`. */
export function applyManagedSettings(settings: Record<string, unknown>): void {
  mkdirSync(dirname(policyFile), { recursive: true });
  writeFileSync(
    policyFile,
    JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }, null, 2),
  );
}

export function removeManagedSettings(): void {
  rmSync(policyFile, { force: true });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  /** Every request the extension's service worker made, in order. */
  extensionRequests: { method: string; url: string; body: string | null }[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, in a fresh profile with only Roster's extension loaded. `hostRules` maps app
 * domains to loopback sites; anything not mapped fails to resolve, so nothing leaves the machine.
 */
export async function launchWithExtension(hostRules: string[]): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'roster-extension-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDist}`,
      `--load-extension=${extensionDist}`,
      `--host-resolver-rules=${[...hostRules, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`,
    ],
  });
  const extensionRequests: ExtensionBrowser['extensionRequests'] = [];
  const origin = `chrome-extension://${extensionId}/`;
  context.on('request', (request: Request) => {
    if (request.serviceWorker()?.url().startsWith(origin)) {
      extensionRequests.push({ method: request.method(), url: request.url(), body: request.postData() });
    }
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(origin)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(origin) }));
  return {
    context,
    worker,
    extensionRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const hasBrowser = existsSync(chromiumPath);
