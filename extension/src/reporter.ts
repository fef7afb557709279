import { updateState } from './local-state.js';
import { batchDone, nextBatch } from './outbox.js';
import type { RosterApi } from './roster-api.js';
import { decideAfterSend } from './send-decision.js';

export const retryAlarm = 'roster-send-retry';

/**
 * Sends queued events, one batch at a time, until the queue is empty or Roster cannot take more now. A batch
 * is written to storage with its id before it is sent, so a batch whose answer was lost (offline, the worker
 * stopped) goes again under the same id and Roster counts it once.
 */
let sending: Promise<void> | null = null;
let sendAgain = false;

/** One sender at a time: activity from several tabs must not send the batch in flight twice at once. */
export async function sendQueued(api: RosterApi, now: () => Date = () => new Date()): Promise<void> {
  if (sending) {
    sendAgain = true;
    return sending;
  }
  sending = (async () => {
    do {
      sendAgain = false;
      await sendBatches(api, now);
    } while (sendAgain);
  })().finally(() => {
    sending = null;
  });
  return sending;
}

async function sendBatches(api: RosterApi, now: () => Date): Promise<void> {
  for (;;) {
    const claim = await updateState((state) => {
      if (!state.token || state.needsSignIn || now().getTime() < state.notBefore) {
        return { next: {}, result: null };
      }
      const { outbox, batch } = nextBatch(state.outbox, () => crypto.randomUUID());
      return { next: batch ? { outbox } : {}, result: batch ? { token: state.token, batch } : null };
    });
    if (!claim) return;

    const answer = await api.postEvents(claim.token, claim.batch);
    const keepGoing = await updateState((state) => {
      const decision = decideAfterSend(answer.status, answer.retryAfter, state.failedAttempts + 1, now());
      switch (decision.outcome) {
        case 'done':
        case 'drop':
          if (decision.outcome === 'drop')
            console.warn(`Roster extension: ${decision.reason}; batch dropped`);
          return {
            next: { outbox: batchDone(state.outbox, claim.batch.batchId), failedAttempts: 0, notBefore: 0 },
            result: true,
          };
        case 'reauthenticate':
          return { next: { needsSignIn: true, failedAttempts: 0 }, result: false };
        case 'retry': {
          // Roster asked for a pause (429, 503): honour it. Unreachable: new activity may try again sooner.
          const askedToWait = answer.status !== null;
          void chrome.alarms.create(retryAlarm, { when: now().getTime() + decision.waitMs });
          return {
            next: {
              failedAttempts: state.failedAttempts + 1,
              notBefore: askedToWait ? now().getTime() + decision.waitMs : 0,
            },
            result: false,
          };
        }
      }
    });
    if (!keepGoing) return;
  }
}
