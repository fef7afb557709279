import { z } from 'zod';
import { ConnectorError } from '../../connectors/kit/connector-error.js';

/**
 * Ticket templates: text with `{{name}}` placeholders the caller fills (the leaver's name, their apps).
 * Plain substitution only: a value is never read as a template again, so remote text cannot add placeholders.
 */

const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export const templateSchema = z
  .string()
  .min(1)
  .max(32_768)
  .refine((text) => !/\{\{(?!\s*[A-Za-z][A-Za-z0-9_]*\s*\}\})/.test(text), {
    message: 'has a malformed placeholder: write {{name}} (letters, digits and _)',
  });

/** The template with every placeholder filled; an unknown one fails naming the setting and the placeholder. */
export function renderTemplate(
  field: string,
  template: string,
  values: Readonly<Record<string, string>>,
): string {
  return template.replace(placeholder, (_all, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new ConnectorError(
        'invalid_data',
        `${field}: unknown placeholder {{${name}}}; known: ${Object.keys(values).sort().join(', ') || 'none'}`,
      );
    return value;
  });
}
