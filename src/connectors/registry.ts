import { bambooHrSourceKind } from './bamboohr/bamboohr-source.js';
import { browserExtensionSourceKind } from './browser-extension/browser-extension-source.js';
import { csvSourceKind } from './csv/csv-source.js';
import { customSourceKind } from './custom/custom-source.js';
import { expenseCsvSourceKind } from './expense-csv/expense-csv-source.js';
import { expenseJsonUrlSourceKind } from './expense-json-url/expense-json-url-source.js';
import { expensePushSourceKind } from './expense-push/expense-push-source.js';
import { googleWorkspaceSourceKind } from './google-workspace/google-workspace-source.js';
import { hrCsvSourceKind } from './hr-csv/hr-csv-source.js';
import { jsonUrlSourceKind } from './json-url/json-url-source.js';
import type { SourceKind } from './kit/connector.js';
import { microsoftEntraSourceKind } from './microsoft-entra/microsoft-entra-source.js';
import { oktaSourceKind } from './okta/okta-source.js';
import { scimSourceKind } from './scim/scim-source.js';

/** The only list of source kinds Roster knows. */
export const sourceKinds: readonly SourceKind<unknown, unknown>[] = [
  csvSourceKind,
  customSourceKind,
  jsonUrlSourceKind,
  hrCsvSourceKind,
  bambooHrSourceKind,
  oktaSourceKind,
  googleWorkspaceSourceKind,
  microsoftEntraSourceKind,
  scimSourceKind,
  expenseCsvSourceKind,
  expenseJsonUrlSourceKind,
  expensePushSourceKind,
  browserExtensionSourceKind,
] as SourceKind<unknown, unknown>[];

export function findSourceKind(kind: string): SourceKind<unknown, unknown> | undefined {
  return sourceKinds.find((k) => k.kind === kind);
}
