import { describe, expect, it } from 'vitest';
import { deadline } from './deadline.js';

describe('deadline', () => {
  it('aborts with a TimeoutError once the time is up', async () => {
    const { signal, clear } = deadline(new AbortController().signal, 30);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).name).toBe('TimeoutError');
    clear();
  });

  it('aborts with the run when the run is cancelled first, and not at all once cleared', async () => {
    const run = new AbortController();
    const first = deadline(run.signal, 10_000);
    run.abort(new Error('cancelled'));
    expect(first.signal.aborted).toBe(true);
    expect((first.signal.reason as Error).message).toBe('cancelled');
    first.clear();

    const cleared = deadline(new AbortController().signal, 20);
    cleared.clear();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cleared.signal.aborted).toBe(false);
  });
});
