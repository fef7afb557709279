import { describe, expect, it } from 'vitest';
import {
  draftOfSuggestion,
  emptyRuleDraft,
  priorityError,
  ruleInputOf,
  takenFrom,
} from '../../console/src/features/expenses/rule-draft.js';

describe("the console's expense rule form", () => {
  it('sends a Match rule with its app, an Ignore rule without one, and a priority only when given', () => {
    const draft = { ...emptyRuleDraft, app: ' Datadog ', value: 'DATADOG', priority: '' };
    expect(ruleInputOf(draft)).toEqual({
      action: 'match',
      app: 'Datadog',
      field: 'vendor',
      op: 'contains',
      value: 'DATADOG',
    });
    expect(ruleInputOf({ ...draft, action: 'ignore', priority: ' 5 ' })).toEqual({
      action: 'ignore',
      field: 'vendor',
      op: 'contains',
      value: 'DATADOG',
      priority: 5,
    });
  });

  it('takes an empty priority or a whole number, and names anything else', () => {
    expect(priorityError({ ...emptyRuleDraft, priority: '  ' })).toBeNull();
    expect(priorityError({ ...emptyRuleDraft, priority: '-20' })).toBeNull();
    expect(priorityError({ ...emptyRuleDraft, priority: '1.5' })).toBe('a whole number');
    expect(priorityError({ ...emptyRuleDraft, priority: 'first' })).toBe('a whole number');
  });

  it("fills the form from an unmatched line's suggested rule, its app left to choose when none is suggested", () => {
    expect(
      draftOfSuggestion({ app: 'Datadog', field: 'vendor', op: 'equals', value: 'DATADOG INC' }),
    ).toEqual({
      action: 'match',
      app: 'Datadog',
      field: 'vendor',
      op: 'equals',
      value: 'DATADOG INC',
      priority: '',
    });
    expect(draftOfSuggestion({ app: null, field: 'description', op: 'contains', value: 'zoom' }).app).toBe(
      '',
    );
  });

  it('says which rule or automatic match a tested rule takes lines from', () => {
    const none = { ruleId: null, alias: null, app: null, ignored: false };
    expect(takenFrom({ ...none, from: 'rule', ruleId: 7, app: 'Zoom' })).toBe('rule #7 (on Zoom)');
    expect(takenFrom({ ...none, from: 'rule', ruleId: 3, ignored: true })).toBe('rule #3 (ignored)');
    expect(takenFrom({ ...none, from: 'automatic', alias: 'Datadog', app: 'Datadog' })).toBe(
      'automatic matching on “Datadog” (on Datadog)',
    );
    expect(takenFrom({ ...none, from: 'unmatched' })).toBe('unmatched');
  });
});
