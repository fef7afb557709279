import { sealedContexts } from '../lib/secret-box.js';
import type { Roster } from '../roster.js';
import { startBambooHrSimulator } from '../simulators/bamboohr/bamboohr-simulator.js';
import { startGoogleAdmin } from '../simulators/google-admin/google-admin-simulator.js';
import type { Directory } from '../simulators/kit/directory.js';
import type { RunningProvider, StartProvider } from '../simulators/kit/simulated-provider.js';
import { startMicrosoftGraph } from '../simulators/microsoft-graph/graph-simulator.js';
import { startOktaSimulator } from '../simulators/okta/okta-simulator.js';

/**
 * The demo's identity providers and HR system: simulated Microsoft Graph, Google Admin SDK, Okta and BambooHR
 * servers on loopback, serving the demo organisation, read by Roster's real connectors. They run inside the
 * demo process, so a sync started from the console or CLI reaches them as it would the real services.
 */
export const demoProviders: readonly { source: string; start: StartProvider }[] = [
  { source: 'BambooHR', start: startBambooHrSimulator },
  { source: 'Microsoft Entra ID', start: startMicrosoftGraph },
  { source: 'Google Workspace', start: startGoogleAdmin },
  { source: 'Okta', start: startOktaSimulator },
];

/**
 * The environment a demo runs with: its simulated providers listen on this machine's loopback, which Roster
 * refuses to reach unless allowed, so the demo opens 127.0.0.1 through ROSTER_OUTBOUND_ALLOW, the way an admin
 * opens a mirror (beside whatever the admin allowed already).
 */
export function withDemoProvidersAllowed(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    ROSTER_OUTBOUND_ALLOW: [env.ROSTER_OUTBOUND_ALLOW, '127.0.0.1'].filter(Boolean).join(','),
  };
}

/** The app each identity provider reads accounts for itself, so the demo does not import it a second time. */
export const appsServedByDemoProviders = ['Google Workspace', 'Okta'];

export interface RunningDemoProviders {
  running: { source: string; provider: RunningProvider }[];
  close(): Promise<void>;
}

export async function startDemoProviders(directory: Directory): Promise<RunningDemoProviders> {
  const running: RunningDemoProviders['running'] = [];
  try {
    for (const { source, start } of demoProviders)
      running.push({ source, provider: await start({ directory, retryAfterSeconds: 1 }) });
  } catch (error) {
    await Promise.all(running.map((r) => r.provider.close()));
    throw error;
  }
  return {
    running,
    close: async () => {
      await Promise.all(running.map((r) => r.provider.close()));
    },
  };
}

/**
 * Points the demo's sources at this process's simulators (they listen on new ports, with new keys, at every
 * start). Done on the sources table directly because it rewrites settings only the demo owns; a source whose
 * credentials were revoked on purpose (the demo's "needs attention" example) keeps its dead credentials.
 */
export async function repointDemoSources(
  roster: Roster,
  providers: RunningDemoProviders,
  keepCredentials: readonly string[],
): Promise<void> {
  for (const { source, provider } of providers.running) {
    const row = await roster.database.db
      .selectFrom('sources')
      .select(['id', 'config'])
      .where('name', '=', source)
      .where('disconnected_at', 'is', null)
      .executeTakeFirst();
    if (!row) continue;
    const config = { ...(row.config as Record<string, unknown>), ...provider.source.config };
    await roster.database.db
      .updateTable('sources')
      .set({
        config: JSON.stringify(config),
        ...(keepCredentials.includes(source) || !provider.source.credentials
          ? {}
          : {
              credentials_encrypted: roster.secrets.seal(
                JSON.stringify(provider.source.credentials),
                sealedContexts.sourceCredentials(row.id),
              ),
            }),
      })
      .where('id', '=', row.id)
      .execute();
  }
}
