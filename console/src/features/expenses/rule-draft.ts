/** A rule being written in the console, before the API checks it. */
export interface RuleDraft {
  action: 'match' | 'ignore';
  app: string;
  field: 'vendor' | 'description';
  op: 'contains' | 'equals' | 'regex';
  value: string;
  /** Empty: after every existing rule. */
  priority: string;
}

export const emptyRuleDraft: RuleDraft = {
  action: 'match',
  app: '',
  field: 'vendor',
  op: 'contains',
  value: '',
  priority: '',
};

/** The draft as the rules API takes it; a Match rule's app only, a priority only when one is given. */
export function ruleInputOf(draft: RuleDraft) {
  const priority = draft.priority.trim();
  return {
    action: draft.action,
    ...(draft.action === 'match' ? { app: draft.app.trim() } : {}),
    field: draft.field,
    op: draft.op,
    value: draft.value,
    ...(priority === '' ? {} : { priority: Number(priority) }),
  };
}

/** Why the priority cannot be sent, or null: empty (last) or a whole number. */
export function priorityError(draft: RuleDraft): string | null {
  const priority = draft.priority.trim();
  return priority === '' || /^-?\d+$/.test(priority) ? null : 'a whole number';
}

/** The rule an unmatched line suggests, as a Match rule to review: its app when matching names one. */
export function draftOfSuggestion(suggested: {
  app: string | null;
  field: RuleDraft['field'];
  op: RuleDraft['op'];
  value: string;
}): RuleDraft {
  return {
    action: 'match',
    app: suggested.app ?? '',
    field: suggested.field,
    op: suggested.op,
    value: suggested.value,
    priority: '',
  };
}

/** Where lines a tested rule takes were going before it: another rule, an automatic match, or nowhere. */
export function takenFrom(t: {
  from: 'rule' | 'automatic' | 'unmatched';
  ruleId: number | null;
  alias: string | null;
  app: string | null;
  ignored: boolean;
}): string {
  const outcome = t.ignored ? 'ignored' : t.app ? `on ${t.app}` : 'unmatched';
  if (t.from === 'rule') return `rule #${t.ruleId} (${outcome})`;
  if (t.from === 'automatic') return `automatic matching${t.alias ? ` on “${t.alias}”` : ''} (${outcome})`;
  return 'unmatched';
}
