import type { Directory } from '../kit/directory.js';
import type { RunningProvider, SimulatorOptions } from '../kit/simulated-provider.js';
import { startScimSimulator } from './scim-simulator.js';
import type { StoredScimUser } from './scim-user-store.js';

/** The app the simulated SCIM service manages (one the catalog knows, so a source can name it at once). */
export const SCIM_APP = 'Zoom';

/**
 * The SCIM service as one of the kit's simulated providers, serving the generated organisation, so the
 * `scim` kind runs the same fault matrix as the identity providers. `pageSize` is the most the service
 * serves per page, whatever Roster asks for.
 */
export async function startScimProvider(options: SimulatorOptions): Promise<RunningProvider> {
  const running = await startScimSimulator({
    users: scimUsersOf(options.directory),
    ...(options.pageSize === undefined ? {} : { maxPageSize: options.pageSize }),
    ...(options.faults ? { faults: options.faults } : {}),
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    kind: 'scim',
    url: running.url,
    faults: running.faults,
    get requests() {
      return running.requests.length;
    },
    source: running.source(SCIM_APP),
    expireTokens: () => running.revokeTokens(),
    close: () => running.close(),
  };
}

/** Everyone with an account (deprovisioned people were removed from the app), suspended ones inactive. */
export function scimUsersOf(directory: Directory): StoredScimUser[] {
  return directory.people
    .filter((p) => p.accountStatus !== 'deprovisioned')
    .map((p) => ({
      id: p.id,
      userName: p.email,
      active: p.accountStatus === 'active',
      displayName: p.displayName,
      name: { formatted: p.displayName, givenName: p.givenName, familyName: p.familyName },
      emails: [{ value: p.email, type: 'work', primary: true }],
    }));
}
