/** What a ticket task will do, from the method's settings (a Jira Cloud project). */
export function ticketAction(config: unknown): string {
  const settings = (config ?? {}) as { projectKey?: string; doneStatuses?: string[] };
  const project = settings.projectKey ? ` in project ${settings.projectKey}` : '';
  const done = settings.doneStatuses?.length ? settings.doneStatuses.join(' or ') : 'Done';
  return `Creates a Jira issue${project} and waits for it to reach ${done}`;
}
