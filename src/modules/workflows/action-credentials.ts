import type { ActionDefinition } from '../../actions/action.js';
import { invalidInput } from '../../lib/errors.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';

/** The command that sets an action type's credentials, named by every error about missing ones. */
export const setCredentialsCommand = (type: string) =>
  `roster workflows credentials set ${type} --file creds.json`;

export interface ActionCredentialsState {
  type: string;
  /** Whether Roster keeps credentials for this action type; the values are never shown. */
  set: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Sets the provider credentials of an action type (a Slack bot token, Jira site credentials), checked
 * against the action's own `credentials` schema and stored sealed. Audited without the values.
 */
export async function setActionCredentials(
  roster: Roster,
  actor: string,
  type: string,
  input: unknown,
  actions: readonly ActionDefinition[],
): Promise<ActionCredentialsState> {
  const schema = credentialedActions(actions).find((a) => a.type === type)?.credentials;
  if (!schema)
    throw invalidInput(`The action ${type} takes no credentials`, [
      {
        path: 'type',
        message: `one of ${
          credentialedActions(actions)
            .map((a) => a.type)
            .join(', ') || '(none)'
        }`,
      },
    ]);
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw invalidInput(
      `The credentials of ${type} are not valid`,
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(credentials)',
        message: issue.message,
      })),
    );
  const sealed = roster.secrets.seal(JSON.stringify(parsed.data), sealedContexts.actionCredentials(type));
  const now = new Date();
  await roster.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('action_credentials')
      .values({ action_type: type, credentials_encrypted: sealed, updated_by: actor, updated_at: now })
      .onConflict((c) =>
        c
          .column('action_type')
          .doUpdateSet({ credentials_encrypted: sealed, updated_by: actor, updated_at: now }),
      )
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'workflow.credentials.set',
      targetType: 'action_credentials',
      targetId: type,
    });
  });
  return { type, set: true, updatedBy: actor, updatedAt: now.toISOString() };
}

/** Every action type that takes credentials, and whether they are set (never their values). */
export async function listActionCredentials(
  roster: Roster,
  actions: readonly ActionDefinition[],
): Promise<ActionCredentialsState[]> {
  const rows = await roster.database.db
    .selectFrom('action_credentials')
    .select(['action_type', 'updated_by', 'updated_at'])
    .execute();
  return credentialedActions(actions).map((action) => {
    const row = rows.find((r) => r.action_type === action.type);
    return {
      type: action.type,
      set: Boolean(row),
      updatedBy: row?.updated_by ?? null,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    };
  });
}

/** The opened credentials of every action type that has some, for a run; only the runner holds them. */
export async function openActionCredentials(roster: Roster): Promise<Map<string, unknown>> {
  const rows = await roster.database.db
    .selectFrom('action_credentials')
    .select(['action_type', 'credentials_encrypted'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.action_type,
      JSON.parse(
        roster.secrets.open(r.credentials_encrypted, sealedContexts.actionCredentials(r.action_type)),
      ),
    ]),
  );
}

const credentialedActions = (actions: readonly ActionDefinition[]) => actions.filter((a) => a.credentials);
