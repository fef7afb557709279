/** Fields the apps list sorts by; `name` is the default order. (Its own file: the CLI's help lists them without loading the apps queries.) */
export const appSortFields = ['name', 'users', 'activeAccounts', 'licenseTypes', 'category'] as const;
export type AppSortField = (typeof appSortFields)[number];
