import type { ActionDefinition } from '../../actions/action.js';
import { conflict, invalidInput, notFound } from '../../lib/errors.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { actionIdOf, keptSecret, type WorkflowDocument } from './workflow-document.js';
import { extraFieldNames, validateDocument } from './workflow-validation.js';

export { keptSecret } from './workflow-document.js';

export interface WorkflowSummary {
  id: number;
  name: string;
  enabled: boolean;
  version: number;
  trigger: string;
  mode: WorkflowDocument['mode'];
  lastRun: { id: number; status: string; at: string } | null;
}

export interface SaveOptions {
  /** The actions a document may use; the installation's own by default. */
  actions: readonly ActionDefinition[];
  now?: Date;
}

/**
 * Saves a workflow: a new one, or a new version of the one with the same name (`update`). The previous
 * versions stay in `workflow_versions`. An update naming a `version` other than the current one is refused,
 * so a save based on an old export does not silently undo another admin's change.
 */
export async function saveWorkflow(
  roster: Roster,
  actor: string,
  input: unknown,
  mode: 'create' | 'update',
  options: SaveOptions,
): Promise<{ id: number; version: number; document: WorkflowDocument }> {
  const document = validateDocument(input, options.actions, await extraFieldNames(roster.database));
  const now = options.now ?? new Date();
  return roster.database.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('workflows')
      .select(['id', 'version', 'credentials_encrypted'])
      .where('name', '=', document.name)
      .forUpdate()
      .executeTakeFirst();
    if (mode === 'create' && existing)
      throw conflict(`A workflow named ${document.name} exists: update it instead`);
    if (mode === 'update' && !existing) throw notFound(`No workflow named ${document.name}`);
    if (existing && document.version !== undefined && document.version !== existing.version)
      throw conflict(
        `${document.name} is at version ${existing.version}, and this document is version ${document.version}: export it again and re-apply your change`,
      );
    const version = (existing?.version ?? 0) + 1;
    const id =
      existing?.id ??
      (
        await trx
          .insertInto('workflows')
          .values({
            name: document.name,
            enabled: false,
            document: '{}',
            version: 0,
            created_by: actor,
            updated_by: actor,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const previous = existing?.credentials_encrypted
      ? (JSON.parse(
          roster.secrets.open(existing.credentials_encrypted, sealedContexts.workflowSecrets(id)),
        ) as Record<string, string>)
      : {};
    const { stored, secrets } = separateSecrets(document, previous);
    const saved = { ...stored, version };
    await trx
      .updateTable('workflows')
      .set({
        enabled: document.enabled,
        document: JSON.stringify(saved),
        version,
        credentials_encrypted: Object.keys(secrets).length
          ? roster.secrets.seal(JSON.stringify(secrets), sealedContexts.workflowSecrets(id))
          : null,
        updated_by: actor,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('workflow_versions')
      .values({ workflow_id: id, version, document: JSON.stringify(saved), saved_by: actor, saved_at: now })
      .execute();
    await writeAudit(trx, {
      actor,
      action: mode === 'create' ? 'workflow.create' : 'workflow.update',
      targetType: 'workflow',
      targetId: document.name,
      after: { version, enabled: document.enabled, trigger: document.trigger.type },
    });
    return { id, version, document: saved };
  });
}

/**
 * Takes secret settings out of the document: a new value is kept sealed beside it, `(kept)` keeps the
 * value saved before under the same action id. The stored and exported document says `(kept)`.
 */
function separateSecrets(
  document: WorkflowDocument,
  previous: Record<string, string>,
): { stored: WorkflowDocument; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  const actions = document.actions.map((action, i) => {
    if (typeof action.secret !== 'string') return action;
    const id = actionIdOf(action, i);
    const value = action.secret === keptSecret ? previous[id] : action.secret;
    if (value === undefined)
      throw invalidInput('The workflow is not valid', [
        { path: `actions[${i}].secret`, message: `no secret is kept for the action ${id}: give its value` },
      ]);
    secrets[id] = value;
    return { ...action, secret: keptSecret };
  });
  return { stored: { ...document, actions }, secrets };
}

/** The secret settings of a workflow, by action id, opened for a run. */
export function openWorkflowSecrets(
  roster: Roster,
  id: number,
  sealed: string | null,
): Record<string, string> {
  return sealed ? JSON.parse(roster.secrets.open(sealed, sealedContexts.workflowSecrets(id))) : {};
}

export async function findWorkflow(roster: Roster, ref: string) {
  const query = roster.database.db.selectFrom('workflows').selectAll();
  const row = /^\d+$/.test(ref)
    ? await query.where((eb) => eb.or([eb('id', '=', Number(ref)), eb('name', '=', ref)])).executeTakeFirst()
    : await query.where('name', '=', ref).executeTakeFirst();
  if (!row) throw notFound(`No workflow named ${ref}`);
  return { ...row, document: row.document as WorkflowDocument };
}

export async function listWorkflows(roster: Roster): Promise<WorkflowSummary[]> {
  const rows = await roster.database.db
    .selectFrom('workflows as w')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('workflow_runs as r')
          .select(['r.id', 'r.status', 'r.created_at'])
          .whereRef('r.workflow_id', '=', 'w.id')
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('r'),
      (join) => join.onTrue(),
    )
    .select([
      'w.id',
      'w.name',
      'w.enabled',
      'w.version',
      'w.document',
      'r.id as runId',
      'r.status as runStatus',
      'r.created_at as runAt',
    ])
    .orderBy('w.name')
    .execute();
  return rows.map((row) => {
    const document = row.document as WorkflowDocument;
    return {
      id: row.id,
      name: row.name,
      enabled: row.enabled,
      version: row.version,
      trigger: document.trigger.type,
      mode: document.mode,
      lastRun:
        row.runId !== null && row.runStatus && row.runAt
          ? { id: row.runId, status: row.runStatus, at: new Date(row.runAt).toISOString() }
          : null,
    };
  });
}

/** Turns a workflow on or off; a new version is not written, as the document's rules did not change. */
export async function setWorkflowEnabled(roster: Roster, actor: string, ref: string, enabled: boolean) {
  const workflow = await findWorkflow(roster, ref);
  await roster.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('workflows')
      .set({
        enabled,
        document: JSON.stringify({ ...workflow.document, enabled }),
        updated_by: actor,
        updated_at: new Date(),
      })
      .where('id', '=', workflow.id)
      .execute();
    await writeAudit(trx, {
      actor,
      action: enabled ? 'workflow.enable' : 'workflow.disable',
      targetType: 'workflow',
      targetId: workflow.name,
    });
  });
  return { name: workflow.name, enabled };
}

/** The document as saved, with its version and secrets as `(kept)`: what `create|update --file` takes back. */
export async function exportWorkflow(roster: Roster, ref: string): Promise<WorkflowDocument> {
  return (await findWorkflow(roster, ref)).document;
}

export async function workflowVersions(roster: Roster, ref: string) {
  const workflow = await findWorkflow(roster, ref);
  return roster.database.db
    .selectFrom('workflow_versions')
    .select(['version', 'document', 'saved_by as savedBy', 'saved_at as savedAt'])
    .where('workflow_id', '=', workflow.id)
    .orderBy('version', 'desc')
    .execute();
}
