import { z } from 'zod';
import type { ActionDefinition } from '../../actions/action.js';
import { workflowDocumentSchema } from './workflow-document.js';

/**
 * The JSON Schema of workflow documents, generated from the zod schema saves are validated with (the
 * actions' own settings schemas included), so an editor's checks and Roster's cannot drift apart.
 */
export function workflowJsonSchema(actions: readonly ActionDefinition[]): Record<string, unknown> {
  return {
    ...z.toJSONSchema(workflowDocumentSchema(actions), { io: 'input', unrepresentable: 'any' }),
    title: 'Roster workflow',
  };
}
