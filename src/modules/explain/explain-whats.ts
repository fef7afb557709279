/**
 * Every figure Roster can explain. Its own file so the CLI's help can list them without loading the
 * explainers; `explainers` in explain.service.ts must have exactly these keys (checked by its type).
 */
export const explainWhats = [
  'app-users',
  'app-licenses',
  'app-usage',
  'inactive',
  'user-count',
  'offboarding-apps',
  'offboarding',
  'expenses-total',
  'expenses-app',
] as const;
export type ExplainWhat = (typeof explainWhats)[number];
