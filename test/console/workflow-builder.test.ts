import { describe, expect, it } from 'vitest';
import { ApiError } from '../../console/src/api/errors.js';
import { errorsByPath, errorUnder } from '../../console/src/features/workflows/document-errors.js';
import {
  addChild,
  entityOfTrigger as consoleEntityOfTrigger,
  type Group,
  move,
  parseDocument,
  removeChild,
  replaceChild,
  switchJoin,
  valueFor,
} from '../../console/src/features/workflows/workflow-draft.js';
import {
  actionTypesOf,
  initialSettings,
  type JsonSchema,
  modesOf,
  operatorsOf,
  triggerTypesOf,
} from '../../console/src/features/workflows/workflow-schema.js';
import type { ActionDefinition } from '../../src/actions/action.js';
import { internalActions } from '../../src/modules/workflows/internal-actions.js';
import { entityOfTrigger, operators, triggerSchema } from '../../src/modules/workflows/workflow-document.js';
import { workflowJsonSchema } from '../../src/modules/workflows/workflow-json-schema.js';

// The schema Roster publishes, with the internal actions (they need no installation to describe).
const schema = workflowJsonSchema(internalActions({} as never, 'test') as ActionDefinition[]) as JsonSchema;

describe("the console's workflow builder", () => {
  it('offers the operators, modes, triggers and actions the published schema names, with their settings', () => {
    expect(operatorsOf(schema)).toEqual([...operators]);
    expect(modesOf(schema)).toEqual(['new_matches', 'every_match']);
    const triggers = triggerTypesOf(schema);
    expect(triggers.map((t) => t.type)).toEqual(triggerSchema.options.map((o) => o.shape.type.value));
    const matches = triggers.find((t) => t.type === 'matches');
    expect(Object.keys(matches?.settings.properties ?? {})).toEqual(['entity', 'schedule']);
    expect(matches?.settings.required).toEqual(['entity']);
    const actions = actionTypesOf(schema);
    expect(actions.map((a) => a.type)).toEqual(['offboarding.start', 'deprovision', 'license.remove']);
    // The id and type are the builder's own inputs, not settings.
    expect(Object.keys(actions[0]?.settings.properties ?? {})).toEqual(['force_reason']);
  });

  it('starts a chosen trigger with its required choices set, so the select shows what the document holds', () => {
    const triggers = triggerTypesOf(schema);
    const settingsOf = (type: string) => triggers.find((t) => t.type === type)?.settings ?? {};
    expect(initialSettings(settingsOf('matches'))).toEqual({ entity: 'person' });
    // A schedule's own fields are an object the form edits as JSON: nothing is guessed for it.
    expect(initialSettings(settingsOf('schedule'))).toEqual({});
    expect(initialSettings(settingsOf('app.discovered'))).toEqual({});
  });

  it('reads the same entity from a trigger as Roster does', () => {
    for (const trigger of [
      { type: 'person.became_past' },
      { type: 'app.discovered' },
      { type: 'license.became_inactive' },
      { type: 'source.needs_attention' },
      { type: 'account.active_after_offboarding' },
      { type: 'matches', entity: 'account' },
      { type: 'schedule', schedule: { every: 'daily', at: '09:00' } },
    ] as const) {
      expect(consoleEntityOfTrigger(trigger)).toBe(entityOfTrigger(trigger as never));
    }
  });

  it('edits nested AND/OR groups and moves actions within their ends', () => {
    const email = { field: 'person.email', op: 'equals', value: 'a@acme.example' };
    let group: Group = addChild({ all: [] }, email);
    group = addChild(group, { any: [] });
    group = replaceChild(
      group,
      1,
      addChild({ any: [] }, { field: 'person.status', op: 'equals', value: 'past' }),
    );
    expect(group).toEqual({
      all: [email, { any: [{ field: 'person.status', op: 'equals', value: 'past' }] }],
    });
    expect(switchJoin(group)).toEqual({
      any: [email, { any: [{ field: 'person.status', op: 'equals', value: 'past' }] }],
    });
    expect(removeChild(group, 0)).toEqual({
      all: [{ any: [{ field: 'person.status', op: 'equals', value: 'past' }] }],
    });
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it("gives each operator the value it takes, and a number field's number as a number", () => {
    expect(valueFor('in', 'text', 'x')).toEqual([]);
    expect(valueFor('in', 'text', ['a', 'b'])).toEqual(['a', 'b']);
    expect(valueFor('is_empty', 'text', 'x')).toBeUndefined();
    expect(valueFor('is_empty', 'text', false)).toBe(false);
    expect(valueFor('days_since', 'date', 'x')).toEqual({ gt: 30 });
    expect(valueFor('days_since', 'date', { lt: 7 })).toEqual({ lt: 7 });
    expect(valueFor('gt', 'number', '12')).toBe(12);
    expect(valueFor('equals', 'text', '12')).toBe('12');
    expect(valueFor('equals', 'text', ['a'])).toBe('');
  });

  it('imports pasted JSON only when it is a document, naming what is wrong', () => {
    expect(parseDocument('{')).toEqual({ error: expect.stringMatching(/^Not JSON/) });
    expect(parseDocument('[]')).toEqual({ error: 'The document must be a JSON object' });
    expect(parseDocument('{"name":"x","actions":[]}')).toEqual({
      error: 'trigger: needs an object with a type',
    });
    expect(parseDocument('{"trigger":{"type":"app.discovered"},"actions":{}}')).toEqual({
      error: 'actions: needs a list',
    });
    expect(parseDocument('{"trigger":{"type":"app.discovered"},"actions":[],"conditions":[]}')).toEqual({
      error: 'conditions: needs {"all": […]} or {"any": […]}',
    });
    const imported = parseDocument(
      '{"name":"New apps","enabled":true,"trigger":{"type":"app.discovered"},"actions":[{"type":"deprovision"}]}',
    );
    expect(imported).toEqual({
      draft: {
        name: 'New apps',
        enabled: true,
        mode: 'new_matches',
        trigger: { type: 'app.discovered' },
        conditions: { all: [] },
        actions: [{ type: 'deprovision' }],
      },
    });
  });

  it("places the API's errors by path, a field's inner paths on the field", () => {
    const error = new ApiError(400, 'invalid_input', 'The workflow is not valid', [
      { path: 'actions[1].url', message: 'Invalid URL' },
      { path: 'trigger.schedule.at', message: 'Invalid string' },
      { path: 'conditions.any[0].all[0].field', message: 'unknown field person.nope' },
    ]);
    const errors = errorsByPath(error);
    expect(errors['conditions.any[0].all[0].field']).toBe('unknown field person.nope');
    expect(errorUnder(errors, 'actions[1].url')).toBe('Invalid URL');
    expect(errorUnder(errors, 'trigger.schedule')).toBe('at: Invalid string');
    expect(errorUnder(errors, 'actions')).toBe('[1].url: Invalid URL');
    expect(errorUnder(errors, 'actions[0]')).toBeUndefined();
    expect(errorsByPath(new Error('network'))).toEqual({});
  });
});
