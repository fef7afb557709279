/** How a line counts, as the list filters name it. Its own file so the CLI's help can list them without zod. */
export const expenseStatuses = [
  'matched',
  'unmatched',
  'ignored',
  'duplicate',
  'excluded',
  'itemised',
] as const;
