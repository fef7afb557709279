import { setTimeout as pause } from 'node:timers/promises';

/**
 * Reads `probe` until `done` holds for what it returned, or fails after `timeoutMs` with the last value read.
 * For conditions another process or a timer brings about; it asserts nothing about how long they take.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 60_000, everyMs = 50, what = 'the condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} did not hold within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await pause(everyMs);
  }
}
