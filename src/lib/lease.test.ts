import { describe, expect, it } from 'vitest';
import { Heartbeat } from './lease.js';

describe('Heartbeat', () => {
  it('runs one renewal at a time, and one more after a burst of beats, with the latest state', async () => {
    let state = 0;
    const written: number[] = [];
    const gates: (() => void)[] = [];
    const heartbeat = new Heartbeat(async () => {
      const seen = state;
      await new Promise<void>((resolve) => gates.push(resolve));
      written.push(seen);
    }, 3_600_000);
    heartbeat.start();
    state = 1;
    heartbeat.beat();
    for (state = 2; state <= 5; state++) heartbeat.beat();
    state = 5;
    expect(gates).toHaveLength(1);
    gates.shift()!();
    // The burst of four beats costs one renewal, which reads the state as it is then.
    await new Promise((resolve) => setImmediate(resolve));
    expect(gates).toHaveLength(1);
    const stopped = heartbeat.stop();
    gates.shift()!();
    await stopped;
    expect(written).toEqual([1, 5]);
    heartbeat.beat();
    expect(gates).toHaveLength(0);
  });

  it('keeps beating after a renewal fails, reporting the error', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const heartbeat = new Heartbeat(
      async () => {
        calls++;
        if (calls === 1) throw new Error('database unavailable');
      },
      3_600_000,
      (error) => errors.push(error),
    );
    heartbeat.beat();
    await new Promise((resolve) => setImmediate(resolve));
    heartbeat.beat();
    await heartbeat.stop();
    expect(errors).toEqual([new Error('database unavailable')]);
    expect(calls).toBe(2);
  });
});
