import { sql } from 'kysely';
import type { ActionDefinition, ActionPreview } from '../../actions/action.js';
import type { Roster } from '../../roster.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { compileConditions } from './compile-conditions.js';
import { entityQuery, entitySnapshot } from './entity-query.js';
import { actionIdOf, entityOfTrigger, settingsInput } from './workflow-document.js';
import type { FieldGroup } from './workflow-fields.js';
import { findWorkflow, openWorkflowSecrets } from './workflows.service.js';

export interface WorkflowPreview {
  workflow: string;
  /** How many entities meet the conditions now (for an event trigger: would, if the event happened to them). */
  matching: number;
  /** The first of them, each with what every action would do; nothing is sent or written. */
  items: { entity: Record<string, unknown>; actions: (ActionPreview & { id: string; type: string })[] }[];
}

/** "Test before enabling": who matches now and what each action would do, without doing any of it. */
export async function previewWorkflow(
  roster: Roster,
  ref: string,
  actions: readonly ActionDefinition[],
  options: { limit?: number; now?: Date } = {},
): Promise<WorkflowPreview> {
  const workflow = await findWorkflow(roster, ref);
  const document = workflow.document;
  const secrets = openWorkflowSecrets(roster, workflow.id, workflow.credentials_encrypted);
  const kind = entityOfTrigger(document.trigger);
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 500);
  const describe = (entity: Record<string, unknown>) =>
    document.actions.map((action, i) => {
      const id = actionIdOf(action, i);
      const definition = actions.find((a) => a.type === action.type);
      const parsed = definition?.settings.safeParse(settingsInput(definition, action, secrets[id]));
      return {
        id,
        type: action.type,
        ...(definition && parsed?.success
          ? definition.preview(parsed.data, { ...entity, actions: {} })
          : { summary: `Roster cannot run ${action.type} as saved`, requests: [] }),
      };
    });
  if (!kind) return { workflow: workflow.name, matching: 1, items: [{ entity: {}, actions: describe({}) }] };
  // License states go stale with each sync; they are recomputed before anyone reads them.
  if (kind === 'license') await ensureLicenseStates(roster.database, options.now ?? new Date());
  const compiled = compileConditions(document.conditions, 'saved', options.now ?? new Date());
  const snapshot = entitySnapshot(kind);
  const query = entityQuery(kind, new Set<FieldGroup>([...compiled.groups, ...snapshot.groups]), 'many');
  const { rows } = await sql<{ entity: Record<string, unknown>; total: number }>`
    select ${snapshot.value} as entity, count(*) over ()::int as total
    from ${query.from} where ${query.where} and ${compiled.where}
    order by ${query.key} limit ${limit}`.execute(roster.database.db);
  return {
    workflow: workflow.name,
    matching: rows[0]?.total ?? 0,
    items: rows.map((row) => ({ entity: row.entity, actions: describe(row.entity) })),
  };
}
