import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { findSourceKind } from '../../connectors/registry.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import type { CallRecord, ClaimedTask, RunOptions, TaskOutcome } from './offboarding-runner.js';

/**
 * The automatic method: the source's integration deprovisions the account. What the provider answered to
 * each request is kept, also when it fails half way; a failure keeps the provider's error and can be retried.
 */
export async function deprovisionTask(
  roster: Roster,
  task: ClaimedTask,
  options: RunOptions,
  now: () => Date,
): Promise<TaskOutcome> {
  const calls: CallRecord[] = [];
  const failed = (note: string): TaskOutcome => ({ status: 'failed', note, calls });
  if (task.source_id === null)
    return failed(`No connected integration can deprovision ${task.app}: choose another method`);
  const source = await roster.database.db
    .selectFrom('sources')
    .selectAll()
    .where('id', '=', task.source_id)
    .executeTakeFirst();
  if (!source || source.disconnected_at)
    return failed('The source that was to deprovision this account was removed');
  const kind = (options.findKind ?? findSourceKind)(source.kind);
  const deprovisioner = kind?.deprovisioner;
  if (!kind || !deprovisioner) return failed(`${source.name} cannot deprovision accounts`);
  const config = kind.configSchema.safeParse(source.config);
  if (!config.success) return failed(`The settings of ${source.name} are not valid: fix them and retry`);
  let credentials: unknown;
  if (kind.credentialsSchema) {
    if (!source.credentials_encrypted) return failed(`${source.name} has no credentials`);
    try {
      const opened = JSON.parse(
        roster.secrets.open(source.credentials_encrypted, sealedContexts.sourceCredentials(source.id)),
      );
      const parsed = kind.credentialsSchema.safeParse(opened);
      if (!parsed.success) return failed(`The stored credentials of ${source.name} do not fit its kind`);
      credentials = parsed.data;
    } catch (error) {
      return failed(`The credentials of ${source.name} cannot be opened: ${(error as Error).message}`);
    }
  }
  const observation = await roster.database.db
    .selectFrom('account_observations')
    .select('external_id')
    .where('account_id', '=', task.account_id)
    .where('source_id', '=', source.id)
    .executeTakeFirst();
  try {
    const result = await deprovisioner.deprovision(
      {
        config: config.data,
        credentials,
        signal: options.signal ?? new AbortController().signal,
        outbound: roster.outbound,
        onCall: (call: ProviderCall) => calls.push({ at: now().toISOString(), ...call }),
      },
      {
        app: task.app,
        email: task.email,
        externalId: observation?.external_id ?? null,
        accountStatus: task.account_status,
      },
    );
    const note = result.outcome === 'already' ? `${result.summary} (already without access)` : result.summary;
    return { status: 'done', note, calls };
  } catch (error) {
    if (error instanceof ConnectorError) return failed(error.message);
    throw error;
  }
}
