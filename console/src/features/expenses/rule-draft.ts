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
