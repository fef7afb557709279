import { z } from 'zod';

/** How an app's accounts are offboarded (PRODUCT.md §9). */
export const offboardingMethods = ['automatic', 'ticket', 'notify-owner', 'manual', 'ignore'] as const;
export type OffboardingMethod = (typeof offboardingMethods)[number];

export const taskStatuses = ['pending', 'in_progress', 'done', 'failed', 'skipped'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Who did a task Roster did itself. */
export const byRoster = 'Roster, automatically';

/** What each method does, for tasks whose method has nothing more specific to say. */
export const methodActions: Record<Exclude<OffboardingMethod, 'automatic' | 'ticket'>, string> = {
  'notify-owner': "Emails the app's owner a link to confirm the account is removed",
  manual: 'An admin removes the account and marks the task done',
  ignore: 'Not acted on; counted as done',
};

/** The method's settings; the ticket method's Jira settings are checked by the ticket action. */
export const automaticConfigSchema = z.strictObject({
  /** The source to deprovision through, when more than one integration could. */
  source: z.string().min(1).max(200).optional(),
});
