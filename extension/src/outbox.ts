import { type ActivityEvent, type Batch, MAX_BATCH_EVENTS } from './events.js';

/**
 * Events waiting to be sent, and the batch in flight. A batch keeps its id until Roster answers for it, so a
 * batch sent again after a lost answer is counted once.
 */
export interface Outbox {
  queue: ActivityEvent[];
  pending: Batch | null;
}

export const emptyOutbox: Outbox = { queue: [], pending: null };

/** The batch to send now: the one in flight again, else up to 500 queued events under a new id. */
export function nextBatch(outbox: Outbox, newBatchId: () => string): { outbox: Outbox; batch: Batch | null } {
  if (outbox.pending) return { outbox, batch: outbox.pending };
  if (outbox.queue.length === 0) return { outbox, batch: null };
  const batch = { batchId: newBatchId(), events: outbox.queue.slice(0, MAX_BATCH_EVENTS) };
  return { outbox: { queue: outbox.queue.slice(MAX_BATCH_EVENTS), pending: batch }, batch };
}

/** The outbox once Roster has taken (or refused for good) the batch with this id. */
export function batchDone(outbox: Outbox, batchId: string): Outbox {
  return outbox.pending?.batchId === batchId ? { ...outbox, pending: null } : outbox;
}
