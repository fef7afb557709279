/**
 * A Jira Cloud site's state as its REST API v3 describes it: projects with issue types and required
 * fields, issues with a status from a small workflow (To Do → In Progress → Done, each with its status
 * category), global transitions to every other status, and users whose email may be hidden.
 */

export interface JiraStatus {
  id: string;
  name: string;
  category: { id: number; key: 'new' | 'indeterminate' | 'done'; name: string; colorName: string };
}

export const statuses: readonly JiraStatus[] = [
  { id: '10000', name: 'To Do', category: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' } },
  {
    id: '3',
    name: 'In Progress',
    category: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  },
  { id: '10001', name: 'Done', category: { id: 3, key: 'done', name: 'Done', colorName: 'green' } },
  { id: '10002', name: 'Won’t Do', category: { id: 3, key: 'done', name: 'Done', colorName: 'green' } },
];

/** Transition ids as a Jira workflow numbers them: one global transition into each status. */
export const transitionIds: Readonly<Record<string, string>> = {
  'To Do': '11',
  'In Progress': '21',
  Done: '31',
  'Won’t Do': '41',
};

export interface JiraProject {
  id: string;
  key: string;
  issueTypes: string[];
  /** Fields the create screen requires beyond project, issue type and summary (e.g. `duedate`). */
  requiredFields: string[];
}

export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** The profile keeps the address private: search answers leave `emailAddress` out. */
  emailHidden?: boolean;
}

export interface JiraIssue {
  id: string;
  key: string;
  projectKey: string;
  fields: Record<string, unknown>;
  status: JiraStatus;
}

export class JiraSite {
  readonly issues = new Map<string, JiraIssue>();
  private nextId = 10_000;
  private readonly counters = new Map<string, number>();

  constructor(
    readonly projects: readonly JiraProject[],
    readonly users: readonly JiraUser[],
  ) {}

  project(keyOrId: string): JiraProject | undefined {
    return this.projects.find((p) => p.key === keyOrId || p.id === keyOrId);
  }

  /** By key (any case, as Jira matches it) or id. */
  issue(keyOrId: string): JiraIssue | undefined {
    const key = keyOrId.toUpperCase();
    return [...this.issues.values()].find((i) => i.key === key || i.id === keyOrId);
  }

  create(project: JiraProject, fields: Record<string, unknown>): JiraIssue {
    const n = (this.counters.get(project.key) ?? 0) + 1;
    this.counters.set(project.key, n);
    const id = String(this.nextId++);
    const first = statuses[0] as JiraStatus;
    const issue: JiraIssue = {
      id,
      key: `${project.key}-${n}`,
      projectKey: project.key,
      fields,
      status: first,
    };
    this.issues.set(id, issue);
    return issue;
  }
}
