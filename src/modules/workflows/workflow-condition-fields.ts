import type { Database } from '../../db/database.js';
import { type EntityKind, extraField, fixedFields, readableGroups } from './workflow-fields.js';
import { extraFieldNames } from './workflow-validation.js';

/**
 * The fields a condition may name now — the fixed ones and the HR/IdP fields the organisation's sources
 * sync — so an editor offers the same list a save checks against.
 */
export async function conditionFields(database: Database) {
  const extras = [...(await extraFieldNames(database))].sort().map(extraField);
  return {
    items: [...fixedFields, ...extras].map(({ name, type, description }) => ({ name, type, description })),
    readable: readableGroups as Record<EntityKind, EntityKind[]>,
  };
}
