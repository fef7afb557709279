import { csvSourceKind } from './csv/csv-source.js';
import { customSourceKind } from './custom/custom-source.js';
import { hrCsvSourceKind } from './hr-csv/hr-csv-source.js';
import { jsonUrlSourceKind } from './json-url/json-url-source.js';
import type { SourceKind } from './kit/connector.js';
import { microsoftEntraSourceKind } from './microsoft-entra/microsoft-entra-source.js';

/** The only list of source kinds Roster knows. */
export const sourceKinds: readonly SourceKind<unknown, unknown>[] = [
  csvSourceKind,
  customSourceKind,
  jsonUrlSourceKind,
  hrCsvSourceKind,
  microsoftEntraSourceKind,
] as SourceKind<unknown, unknown>[];

export function findSourceKind(kind: string): SourceKind<unknown, unknown> | undefined {
  return sourceKinds.find((k) => k.kind === kind);
}
