// The shapes of the API's Offboarding, written out: this file imports nothing, so Roster's own tests
// (built for Node, not by the console's bundler) test it as it is.
export type TaskStatus = 'pending' | 'in_progress' | 'done' | 'failed' | 'skipped';
export type Counts = Record<TaskStatus, number>;
interface Offboarding {
  status: 'in_progress' | 'completed';
  completedBy: string | null;
  completedHow: 'manual' | 'automatic' | null;
  counts: Counts;
}
interface Task {
  status: TaskStatus;
}

export const offboardingPath = (id: number) => `/offboarding/${id}`;
/** A person's offboarding, found by any of their emails. */
export const personOffboardingPath = (email: string) => `/offboarding/person/${encodeURIComponent(email)}`;

export const taskStatusLabels: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** "2 done · 1 failed · 3 pending": the statuses an offboarding's tasks are in, none that has no task. */
export function countsText(counts: Counts): string {
  const parts = (Object.keys(taskStatusLabels) as TaskStatus[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${taskStatusLabels[s].toLowerCase()}`);
  return parts.length ? parts.join(' · ') : 'no tasks';
}

/** Who completed an offboarding and how: an admin's click and the last task finishing read differently. */
export function completionText(o: Pick<Offboarding, 'status' | 'completedBy' | 'completedHow'>): string {
  if (o.status !== 'completed') return 'Not completed yet';
  if (o.completedHow === 'automatic') return 'Completed automatically when the last task finished';
  return `Marked done by ${o.completedBy ?? 'an unknown member'}`;
}

/**
 * Roster acts on pending and in-progress tasks in the background: while any is left, the view reads the
 * offboarding again every few seconds; once none is, it stops asking.
 */
export const refreshInterval = 3000;
export const needsRefresh = (o: Pick<Offboarding, 'counts'> | undefined) =>
  o !== undefined && o.counts.pending + o.counts.in_progress > 0;

/** A task may be marked done unless it already is; only a failed one may be retried. */
export const canMarkDone = (t: Pick<Task, 'status'>) => t.status !== 'done' && t.status !== 'skipped';
export const canRetry = (t: Pick<Task, 'status'>) => t.status === 'failed';
