/** Fields the people list sorts by; `email` is the default order. (Its own file: the CLI's help lists them without loading the people queries.) */
export const userSortFields = ['email', 'name', 'apps', 'annualCost', 'type', 'status'] as const;
export type UserSortField = (typeof userSortFields)[number];
