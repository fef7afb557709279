import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Flights } from './flights.js';

describe('flights', () => {
  it('gives every caller that finds a computation running its outcome, once landed', async () => {
    const flights = new Flights<string>();
    expect(flights.running('a')).toBeUndefined();
    const land = flights.lead('a');
    const waiters = [flights.running('a'), flights.running('a')];
    expect(flights.running('b')).toBeUndefined();
    land('answer');
    expect(await Promise.all(waiters)).toEqual(['answer', 'answer']);
    // Landed: the next caller finds nothing running and computes again.
    expect(flights.running('a')).toBeUndefined();
    expect(flights.size).toBe(0);
  });

  it('lets waiters know the computation failed, and keeps the first outcome when landed twice', async () => {
    const flights = new Flights<string>();
    const land = flights.lead('a');
    const waiter = flights.running('a');
    land(undefined);
    land('too late');
    expect(await waiter).toBeUndefined();
    expect(flights.running('a')).toBeUndefined();
  });

  it('does not end a newer computation of the same key when an older one lands', async () => {
    const flights = new Flights<number>();
    const landOld = flights.lead('k');
    const landNew = flights.lead('k');
    const waiter = flights.running('k');
    landOld(1);
    expect(flights.running('k')).toBe(waiter);
    landNew(2);
    expect(await waiter).toBe(2);
    expect(flights.size).toBe(0);
  });

  it('leaves nothing running once every lead has landed, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 12 }),
        fc.func(fc.integer()),
        (keys, order) => {
          const flights = new Flights<string>();
          const lands = keys.map((key) => flights.lead(key));
          const sorted = lands.map((land, i) => ({ land, rank: order(i) })).sort((x, y) => x.rank - y.rank);
          for (const { land } of sorted) land('x');
          expect(flights.size).toBe(0);
        },
      ),
    );
  });
});
