import { sql } from 'kysely';
import type { ActionDefinition } from '../../actions/action.js';
import type { Database } from '../../db/database.js';
import { type ErrorDetail, invalidInput } from '../../lib/errors.js';
import { checkConditions } from './compile-conditions.js';
import { checkTemplateFields } from './template-field-check.js';
import {
  actionIdOf,
  entityOfTrigger,
  pathText,
  type WorkflowDocument,
  workflowDocumentSchema,
} from './workflow-document.js';

/**
 * The extra HR/IdP fields conditions may name: the fields admins added to a source's field list
 * (`config.fields` of HR sources), and the attributes identity providers sync for every employee.
 */
export async function extraFieldNames(database: Database): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    select jsonb_array_elements_text(config -> 'fields') as name from sources
    where disconnected_at is null and jsonb_typeof(config -> 'fields') = 'array'
    union
    select distinct jsonb_object_keys(attributes) from employees_of_record
    where removed_at is null and jsonb_typeof(attributes) = 'object'`.execute(database.db);
  return new Set(rows.map((r) => r.name));
}

/**
 * Parses and checks a document: its shape and each action's settings (by the action's own schema),
 * the fields and operators of its conditions, the fields its templates name, and unique action ids. Every problem is named by its path
 * (`actions[1].url`); nothing is saved unless there is none.
 */
export function validateDocument(
  input: unknown,
  actions: readonly ActionDefinition[],
  extraFields: ReadonlySet<string>,
): WorkflowDocument {
  const parsed = workflowDocumentSchema(actions).safeParse(input);
  if (!parsed.success) {
    const details: ErrorDetail[] = parsed.error.issues.map((issue) => ({
      path: pathText(issue.path),
      message: issueMessage(issue, actions),
    }));
    throw invalidInput('The workflow is not valid', details);
  }
  const document = parsed.data as WorkflowDocument;
  const details = [
    ...checkConditions(document.conditions, entityOfTrigger(document.trigger), extraFields),
    ...checkTemplateFields(document, actions, extraFields),
  ];
  const seen = new Set<string>();
  document.actions.forEach((action, i) => {
    const id = actionIdOf(action, i);
    if (seen.has(id)) details.push({ path: `actions[${i}].id`, message: `the id ${id} is used twice` });
    seen.add(id);
  });
  if (details.length) throw invalidInput('The workflow is not valid', details);
  return document;
}

// zod's message for an unknown action type lists nothing useful; name the types Roster knows.
function issueMessage(
  issue: { code: string; message: string; path: PropertyKey[] },
  actions: readonly ActionDefinition[],
) {
  if (issue.code === 'invalid_union' && issue.path[0] === 'actions' && issue.path.length === 2)
    return `unknown action type; one of ${actions.map((a) => a.type).join(', ')}`;
  return issue.message;
}
