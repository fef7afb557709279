import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordWorkflowEvent } from './evaluate-workflows.js';

/**
 * Called by offboarding in the transaction that starts or completes one, so the workflows' runs commit
 * with it. The event key names the offboarding and the moment, so a re-opened offboarding completing
 * again is a new event while the same completion is never two.
 */
export function recordOffboardingEvent(
  trx: Kysely<DB> | Transaction<DB>,
  type: 'offboarding.started' | 'offboarding.completed',
  offboarding: { id: number; userId: number; at: Date; how?: string },
): Promise<number> {
  return recordWorkflowEvent(
    trx,
    {
      type,
      entity: 'person',
      entityKey: String(offboarding.userId),
      eventKey: `${type}:${offboarding.id}:${offboarding.at.getTime()}`,
      detail: { offboarding_id: offboarding.id, ...(offboarding.how ? { how: offboarding.how } : {}) },
    },
    offboarding.at,
  );
}
