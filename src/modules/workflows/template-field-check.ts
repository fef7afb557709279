import { z } from 'zod';
import type { ActionDefinition } from '../../actions/action.js';
import { isTemplateSetting, TemplateError, templateFields } from '../../actions/template.js';
import type { ErrorDetail } from '../../lib/errors.js';
import { snapshotFieldNames } from './entity-query.js';
import { actionIdOf, entityOfTrigger, type WorkflowDocument } from './workflow-document.js';
import { extraFieldPrefix } from './workflow-fields.js';

/**
 * The template fields of a document that no run could fill: every `{{field}}` must be a field of the
 * trigger's entity (`person.email`, an HR/IdP field as `person.fields.<name>`) or an earlier action's
 * output (`actions.<id>.<field>`). A field that renders as nothing is a mistake an admin wants to hear of
 * when saving, not after the first message went out blank. Each is named by its path (`actions[1].text`).
 */
export function checkTemplateFields(
  document: WorkflowDocument,
  actions: readonly ActionDefinition[],
  extraFields: ReadonlySet<string>,
): ErrorDetail[] {
  const kind = entityOfTrigger(document.trigger);
  const entityFields = snapshotFieldNames(kind);
  const details: ErrorDetail[] = [];
  const earlier = new Set<string>();
  document.actions.forEach((action, i) => {
    const definition = actions.find((a) => a.type === action.type);
    const shape = definition?.settings instanceof z.ZodObject ? definition.settings.shape : {};
    for (const [key, value] of Object.entries(action)) {
      if (typeof value !== 'string' || !isTemplateSetting((shape as Record<string, z.ZodType>)[key]))
        continue;
      let fields: string[];
      try {
        fields = templateFields(value);
      } catch (error) {
        if (error instanceof TemplateError) continue; // the settings schema reported it already
        throw error;
      }
      for (const field of fields) {
        const problem = fieldProblem(field, entityFields, extraFields, earlier);
        if (problem) details.push({ path: `actions[${i}].${key}`, message: problem });
      }
    }
    earlier.add(actionIdOf(action, i));
  });
  return details;
}

function fieldProblem(
  field: string,
  entityFields: ReadonlySet<string>,
  extraFields: ReadonlySet<string>,
  earlier: ReadonlySet<string>,
): string | null {
  if (entityFields.has(field)) return null;
  const parts = field.split('.');
  if (parts[0] === 'actions') {
    if (parts.length >= 3 && earlier.has(parts[1] ?? '')) return null;
    return `{{${field}}} names no earlier action: use {{actions.<id>.<field>}} with the id of an action before this one`;
  }
  if (
    entityFields.has('person.email') &&
    field.startsWith(extraFieldPrefix) &&
    extraFields.has(field.slice(extraFieldPrefix.length))
  )
    return null;
  return `{{${field}}} is not a field of this workflow's trigger${
    entityFields.size
      ? ` (for example ${[...entityFields].slice(0, 3).join(', ')})`
      : ' (it fires with no entity)'
  }`;
}
