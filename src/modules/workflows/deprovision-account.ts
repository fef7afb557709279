import type { ActionOutcome, ActionPreview, ActionScope } from '../../actions/action.js';
import type { ActionContext } from '../../actions/action-context.js';
import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { DeprovisionContext, DeprovisionTarget } from '../../connectors/kit/deprovision.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import {
  type DeprovisioningSource,
  deprovisionerFor,
  deprovisioningSources,
  type FindKind,
} from '../offboarding/deprovisioning-sources.js';

export function planDeprovision(scope: ActionScope): ActionPreview {
  const account = scope.account as { email?: string } | undefined;
  const app = scope.app as { name?: string } | undefined;
  return {
    summary:
      account?.email && app?.name
        ? `Deprovision ${account.email} in ${app.name} through the integration that can`
        : 'Deprovision the account: this workflow has no account',
    requests: [],
  };
}

/** The account, the integration that acts on it, and what that integration is told of the account. */
export interface AccountIntegration {
  source: DeprovisioningSource;
  credentials: unknown;
  target: DeprovisionTarget;
}

/**
 * The integration offboarding would use for one account (`deprovisionerFor`), among the sources `able`
 * keeps, with its opened credentials; or why there is none, naming the app (`cannot` says what it lacks).
 */
export async function integrationForAccount(
  roster: Roster,
  accountId: number,
  options: { findKind?: FindKind; able?: (source: DeprovisioningSource) => boolean; cannot: string },
): Promise<AccountIntegration | { error: string }> {
  const { db } = roster.database;
  const account = await db
    .selectFrom('accounts as ac')
    .innerJoin('apps as a', 'a.id', 'ac.app_id')
    .innerJoin('users as u', 'u.id', 'ac.user_id')
    .innerJoin('app_instances as i', 'i.id', 'ac.instance_id')
    .select(['ac.id', 'ac.status', 'a.name as app', 'u.email', 'i.source_id as instanceSourceId'])
    .where('ac.id', '=', accountId)
    .executeTakeFirst();
  if (!account) return { error: `The account ${accountId} no longer exists` };
  const observedBy = (
    await db
      .selectFrom('account_observations')
      .select('source_id')
      .where('account_id', '=', accountId)
      .execute()
  ).map((o) => o.source_id);
  const sources = (await deprovisioningSources(db, options.findKind)).filter(options.able ?? (() => true));
  const source = deprovisionerFor(sources, {
    app: account.app,
    instanceSourceId: account.instanceSourceId,
    observedBy,
  });
  if (!source) return { error: `No connected integration can ${options.cannot} ${account.app}` };
  let credentials: unknown;
  if (source.kind.credentialsSchema) {
    const row = await db
      .selectFrom('sources')
      .select('credentials_encrypted')
      .where('id', '=', source.id)
      .executeTakeFirst();
    if (!row?.credentials_encrypted) return { error: `${source.name} has no credentials` };
    const parsed = source.kind.credentialsSchema.safeParse(
      JSON.parse(roster.secrets.open(row.credentials_encrypted, sealedContexts.sourceCredentials(source.id))),
    );
    if (!parsed.success) return { error: `The stored credentials of ${source.name} do not fit its kind` };
    credentials = parsed.data;
  }
  const externalId =
    (
      await db
        .selectFrom('account_observations')
        .select('external_id')
        .where('account_id', '=', accountId)
        .where('source_id', '=', source.id)
        .executeTakeFirst()
    )?.external_id ?? null;
  return {
    source,
    credentials,
    target: { app: account.app, email: account.email, externalId, accountStatus: account.status },
  };
}

/** What a connector is handed to act: the source's config and credentials, each request kept as it is made. */
export function connectorContext(
  integration: AccountIntegration,
  context: ActionContext,
  requests: ProviderCall[],
): DeprovisionContext<unknown, unknown> {
  return {
    config: integration.source.config,
    credentials: integration.credentials,
    signal: context.signal,
    outbound: context.outbound,
    onCall: (call) => {
      requests.push(call);
      context.onCall?.(call);
    },
  };
}

/**
 * Deprovisions one account through the integration offboarding would use (`deprovisionerFor`): the
 * source's kind makes the requests, each one kept; a provider error is kept and may be retried.
 */
export async function deprovisionAccount(
  roster: Roster,
  accountId: number,
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
  const integration = await integrationForAccount(roster, accountId, {
    ...(findKind ? { findKind } : {}),
    cannot: 'deprovision',
  });
  if ('error' in integration) return failed(integration.error);
  const { source } = integration;
  try {
    const result = await source.deprovisioner.deprovision(
      connectorContext(integration, context, requests),
      integration.target,
    );
    return {
      status: 'succeeded',
      output: { outcome: result.outcome, summary: result.summary, source: source.name },
      requests,
    };
  } catch (error) {
    if (error instanceof ConnectorError) return failed(error.message, error.code === 'transient');
    throw error;
  }
}
