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
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }),
  random: () => Math.random(),
};
