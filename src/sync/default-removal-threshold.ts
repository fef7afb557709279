/**
 * More than 10% of the source's accounts and employees, and more than 10 of them. Its own file: the CLI's
 * help states it without loading the threshold's schema.
 */
export const defaultRemovalThreshold = { percent: 10, count: 10 } as const;
