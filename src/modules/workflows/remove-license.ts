import type { ActionOutcome, ActionPreview, ActionScope } from '../../actions/action.js';
import type { ActionContext } from '../../actions/action-context.js';
import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import type { Roster } from '../../roster.js';
import type { FindKind } from '../offboarding/deprovisioning-sources.js';
import { connectorContext, integrationForAccount } from './deprovision-account.js';

/** The licence a run is about: its account and its type's name, from the license entity's snapshot. */
export function licenseOf(scope: ActionScope): { accountId: number; licenseType: string } | null {
  const license = scope.license as { type?: unknown } | undefined;
  const account = scope.account as { id?: unknown } | undefined;
  return typeof license?.type === 'string' && typeof account?.id === 'number'
    ? { accountId: account.id, licenseType: license.type }
    : null;
}

export function planLicenseRemoval(scope: ActionScope): ActionPreview {
  const license = scope.license as { type?: string } | undefined;
  const account = scope.account as { email?: string } | undefined;
  const app = scope.app as { name?: string } | undefined;
  return {
    summary:
      license?.type && account?.email && app?.name
        ? `Would remove license ${license.type} of ${account.email} in ${app.name} through the integration that can`
        : 'Remove a license: this workflow has no license',
    requests: [],
  };
}

/**
 * Removes one licence through the integration offboarding would use for the account, among those whose
 * provider can remove a single licence (`Deprovisioner.licenses`). An app no such integration serves fails,
 * naming the app; a licence the user no longer holds is a success that says so, so a retry removes nothing twice.
 */
export async function removeLicense(
  roster: Roster,
  license: { accountId: number; licenseType: string },
  context: ActionContext,
  findKind?: FindKind,
): Promise<ActionOutcome> {
  const requests: ProviderCall[] = [];
  const failed = (error: string, retryable = false): ActionOutcome => ({
    status: 'failed',
    error,
    retryable,
    requests,
  });
  const integration = await integrationForAccount(roster, license.accountId, {
    ...(findKind ? { findKind } : {}),
    able: (source) => source.deprovisioner.licenses !== undefined,
    cannot: 'remove licenses of',
  });
  if ('error' in integration) return failed(integration.error);
  const { source } = integration;
  const remover = source.deprovisioner.licenses!;
  try {
    const result = await remover.removeLicense(connectorContext(integration, context, requests), {
      ...integration.target,
      licenseType: license.licenseType,
    });
    return {
      status: 'succeeded',
      output: {
        outcome: result.outcome,
        summary: result.summary,
        license: license.licenseType,
        source: source.name,
      },
      requests,
    };
  } catch (error) {
    if (error instanceof ConnectorError) return failed(error.message, error.code === 'transient');
    throw error;
  }
}
