/**
 * Why a license counts as inactive. Each reason has a code (API, CSV) and the text shown beside it.
 * Order matters: the first that applies is the license's reason.
 */
export const inactiveReasons = {
  account_suspended: 'The account is suspended or deactivated in the app while the license is still assigned',
  past_user: 'The license holder is a past employee',
  never_used: 'Assigned longer ago than the threshold and never used',
  no_usage_in_threshold: 'Not used within the threshold',
} as const;
export type InactiveReason = keyof typeof inactiveReasons;
export const inactiveReasonCodes = Object.keys(inactiveReasons) as InactiveReason[];
