import type { AppAccount, AppSummary } from './apps.repo.js';

/** Lists inside one cell: "; " reads well in a spreadsheet and never splits the row. */
export const cellList = (values: readonly string[]) => values.join('; ');

export const appsCsvColumns = [
  'name',
  'category',
  'vendor',
  'origin',
  'users',
  'activeAccounts',
  'licenseTypes',
  'sources',
] as const;

export const appsCsvRow = (app: AppSummary) => ({ ...app, sources: cellList(app.sources) });

export const appUsersCsvColumns = [
  'email',
  'instance',
  'nameInApp',
  'status',
  'role',
  'licenseTypes',
  'lastUsedAt',
  'lastUsedSource',
  'firstSeenAt',
  'removedAt',
  'sources',
] as const;

export const appUsersCsvRow = (account: AppAccount) => ({
  ...account,
  licenseTypes: cellList(account.licenseTypes),
  sources: cellList(account.sources.map((s) => s.source)),
});
