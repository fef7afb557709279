import type { Roster } from '../../roster.js';
import { unmanagedInstance } from '../accounts/account-facts.js';
import { findPerson } from '../offboarding/offboarding-person.js';
import { planTasks } from '../offboarding/offboarding-plan.js';
import { offboardingOf } from '../offboarding/offboarding-read.js';
import type { Explanation } from './explanation.js';

/**
 * Why a person's offboarding lists more apps than their page: the page shows active accounts, offboarding
 * every account of every email — suspended and deleted ones too, since someone who stopped signing in
 * through the identity provider may still sign in with a password.
 */
export async function explainOffboardingApps(roster: Roster, email: string): Promise<Explanation> {
  const { db } = roster.database;
  const person = await findPerson(db, email);
  const tasks = await planTasks(db, person);
  const active = tasks.filter((t) => t.accountStatus === 'active');
  const others = tasks.filter((t) => t.accountStatus !== 'active');
  const where = (t: (typeof tasks)[number]) => (t.instance === unmanagedInstance ? '' : ` (${t.instance})`);
  return {
    what: 'offboarding-apps',
    subject: person.primaryEmail,
    figure: {
      activeAccounts: active.length,
      offboardingTasks: tasks.length,
      emails: person.emails.length,
    },
    computation:
      "The person's page lists their active accounts. Offboarding lists every account of every email of the person " +
      '(merged emails included), active, suspended and deleted, because someone who stopped signing in through ' +
      'the identity provider may still sign in with a password.',
    sources: [],
    causes: [
      ...others.map((t) => ({
        code: `account_${t.accountStatus}`,
        text:
          `${t.app}${where(t)}: ${t.email} is ${t.accountStatus}` +
          (t.seenBy.length
            ? ` (${t.seenBy.map((s) => `${s.source} reports it ${s.status}${s.removedAt ? `, no longer listed since ${s.removedAt.slice(0, 10)}` : ''}`).join('; ')})`
            : ''),
      })),
      ...(person.emails.length > 1
        ? [
            {
              code: 'merged_emails',
              text: `Merge Users joined ${person.emails.join(', ')}: the accounts of each are offboarded together.`,
              count: person.emails.length,
            },
          ]
        : []),
    ],
    excluded: [],
    toImprove: others.length
      ? ['Check the suspended and deleted accounts in each app: a password sign-in may still work there.']
      : [],
  };
}

/** The story of an offboarding: who started it, each task as it finished, and how it was completed. */
export async function explainOffboarding(roster: Roster, email: string): Promise<Explanation> {
  const view = await offboardingOf(roster.database.db, email);
  const finished = view.tasks
    .filter((t) => t.doneAt)
    .sort((a, b) => (a.doneAt ?? '').localeCompare(b.doneAt ?? ''));
  const completedAt = view.completedAt;
  const late = completedAt ? finished.filter((t) => (t.doneAt ?? '') > completedAt) : [];
  const events = [
    { at: view.startedAt, text: `${view.startedBy} started the offboarding of ${view.primaryEmail}` },
    ...finished.map((t) => ({
      at: t.doneAt ?? '',
      text: `${t.app} (${t.email}) ${t.status === 'skipped' ? 'skipped (ignored)' : 'done'} by ${t.doneBy} through the ${t.method} method`,
    })),
    ...(completedAt
      ? [
          {
            at: completedAt,
            text:
              view.completedHow === 'manual'
                ? `${view.completedBy} marked the offboarding completed`
                : 'The last remaining task finished through the automatic method, which completed the offboarding',
          },
        ]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    what: 'offboarding',
    subject: view.primaryEmail,
    figure: {
      tasks: view.tasks.length,
      done: view.counts.done + view.counts.skipped,
      finishedAfterCompletion: late.length,
    },
    computation:
      'An offboarding is completed when an admin marks it done, or automatically when its last remaining task ' +
      'finishes through the automatic method. Tasks that finish after a manual completion are still recorded.',
    sources: [],
    causes: [
      ...events.map((e) => ({ code: 'event', text: `${e.at}: ${e.text}` })),
      ...(view.completedHow === 'manual' && late.length
        ? [
            {
              code: 'completed_before_tasks',
              text: `${view.completedBy} marked it completed before ${late.length} task(s) finished; they finished afterwards: ${late.map((t) => t.app).join(', ')}.`,
              count: late.length,
            },
          ]
        : []),
    ],
    excluded: [],
    toImprove: view.counts.failed
      ? [`${view.counts.failed} task(s) failed: fix the cause shown on each, then retry it.`]
      : [],
  };
}
