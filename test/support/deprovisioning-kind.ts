import { capabilities } from '../../src/connectors/kit/capabilities.js';
import type { SourceKind } from '../../src/connectors/kit/connector.js';
import { ConnectorError } from '../../src/connectors/kit/connector-error.js';
import { scriptedKind } from './fake-kinds.js';

/**
 * A scripted identity provider that can deprovision the accounts of the apps it is told to: its "provider"
 * is an in-memory map of disabled users, so offboarding's engine is tested apart from any real API (the
 * provider kinds test their own deprovisioning against their simulators).
 */
export function deprovisioningKind(kind: string, apps: string[]) {
  const disabled = new Set<string>();
  const failing = new Map<string, string>();
  const requests: { email: string; externalId: string | null }[] = [];
  const sourceKind: SourceKind<unknown, unknown> = {
    ...scriptedKind,
    kind,
    capabilities: capabilities(['users', 'employees', 'deprovisioning']),
    deprovisioner: {
      handles: (_config, app) => apps.includes(app),
      describe: (_config, app) => `Blocks sign-in to ${app}`,
      plan: (_config, target) => [
        {
          method: 'PATCH',
          url: `https://${kind}.test/users/${target.externalId ?? '{id}'}`,
          purpose: 'Block sign-in',
        },
      ],
      async deprovision(context, target) {
        requests.push({ email: target.email, externalId: target.externalId });
        const url = `https://${kind}.test/users/${target.externalId ?? target.email}`;
        const failure = failing.get(target.email);
        if (failure) {
          context.onCall({ method: 'PATCH', url, status: 403, detail: failure });
          throw new ConnectorError('permission', `${kind} denied access (HTTP 403): ${failure}`);
        }
        if (disabled.has(target.email)) return { outcome: 'already', summary: 'Sign-in was already blocked' };
        context.onCall({ method: 'PATCH', url, status: 204 });
        disabled.add(target.email);
        return { outcome: 'done', summary: 'Blocked sign-in' };
      },
    },
  };
  return { kind: sourceKind, disabled, failing, requests };
}
