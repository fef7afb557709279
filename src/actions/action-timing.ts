import { pause } from '../connectors/kit/pause.js';

/**
 * Time as actions see it when they wait between attempts: injected, so tests run retries with a fake
 * clock and never wait, and a signature's timestamp is the clock's.
 */
export interface ActionTiming {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits `ms`, or rejects with the signal's reason once it aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** A number in [0, 1), for the jitter of backoffs. */
  random(): number;
}

export const realTiming: ActionTiming = {
  now: () => Date.now(),
  sleep: pause,
  random: () => Math.random(),
};
