import Mustache from 'mustache';
import { z } from 'zod';

/**
 * Action templates: `{{person.email}}`-style text filled from the action's scope (the entity the workflow
 * fired for and the outputs of earlier actions, `{{actions.ticket.key}}`). Mustache parses the text;
 * only plain `{{field}}` tags are accepted, so a template has no sections, partials, unescaped tags or
 * changed delimiters, and every value goes through the destination's escaping. Values are never parsed
 * as templates, so remote text cannot add tags.
 */

/** Where the rendered text goes, which decides how a value is escaped. */
export type TemplateDestination = 'text' | 'html' | 'slack';

const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

type Token = [type: string, value: string, start: number, end: number, ...rest: unknown[]];

/** The template's tokens, or a message naming what is wrong and where. */
function tokensOf(text: string): Token[] | string {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    return `is not a valid template: ${(error as Error).message}`;
  }
  for (const [type, value, start] of tokens) {
    if (type === 'text') continue;
    if (type !== 'name')
      return `may only use {{field}} tags: "${text.slice(start, start + 40)}" at character ${start + 1} is not one`;
    if (!fieldPattern.test(value))
      return `"{{${value}}}" at character ${start + 1} is not a field such as {{person.email}}`;
  }
  return tokens;
}

/** Marks a template setting in its JSON Schema, so the engine and the console builder can tell it. */
const templateMark = 'x-template';

/** A template setting: valid Mustache made of text and `{{field}}` tags only. */
export const templateText = z
  .string()
  .max(32_768)
  .superRefine((text, ctx) => {
    const tokens = tokensOf(text);
    if (typeof tokens === 'string') ctx.addIssue({ code: 'custom', message: tokens });
  })
  .meta({ [templateMark]: true });

/**
 * Whether a settings schema is a template (`templateText`, also when refined, defaulted or optional), so
 * the fields its text names can be checked when a workflow is saved.
 */
export function isTemplateSetting(schema: z.ZodType | undefined): boolean {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (z.globalRegistry.get(current)?.[templateMark] === true) return true;
    const inner = (current._zod.def as { innerType?: z.ZodType }).innerType;
    current = inner ?? (current._zod.parent as z.ZodType | undefined);
  }
  return false;
}

/**
 * The fields a template uses, in order of first use (`["person.name", "actions.ticket.key"]`), so a
 * workflow naming a field its trigger does not provide is refused when it is saved.
 */
export function templateFields(text: string): string[] {
  const tokens = tokensOf(text);
  if (typeof tokens === 'string') throw new TemplateError(tokens);
  return [...new Set(tokens.filter(([type]) => type === 'name').map(([, value]) => value))];
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/**
 * The template filled from `scope` and escaped for `destination`. A field the scope lacks renders as
 * nothing (the engine refuses unknown fields when a workflow is saved; a value can still be absent).
 */
export function renderTemplate(
  text: string,
  scope: Readonly<Record<string, unknown>>,
  destination: TemplateDestination,
): string {
  const tokens = tokensOf(text);
  if (typeof tokens === 'string') throw new TemplateError(tokens);
  const escaped = escapers[destination];
  let out = '';
  for (const [type, value] of tokens)
    out += type === 'text' ? value : escaped(displayValue(valueAt(scope, value)));
  return out;
}

/** The value at a dotted path, own properties only (never a prototype's `constructor`). */
export function valueAt(scope: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = scope;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** How a value reads in a message: lists joined with commas, dates as ISO, records as JSON. */
function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  if (typeof value === 'function') return '';
  return JSON.stringify(value);
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

/** Escaping per destination: HTML's special characters; Slack's three (&, <, >), as Slack documents. */
export const escapers: Record<TemplateDestination, (value: string) => string> = {
  text: (value) => value,
  html: (value) => value.replace(/[&<>"'`=]/g, (c) => htmlEntities[c] ?? c),
  slack: (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
};
