/**
 * Computations in progress, per key, so that callers asking for the same thing at the same time wait for one
 * computation instead of each running its own. A caller that finds none running leads: it computes, then
 * lands the outcome (undefined when it failed, and each waiter then computes on its own). Nothing is kept
 * once landed: keeping outcomes is the caller's business (read-cache.ts keeps them in a ByteLru).
 */
export class Flights<T> {
  readonly #running = new Map<string, Promise<T | undefined>>();

  /** The outcome of the computation running for `key`, or undefined when none is running. */
  running(key: string): Promise<T | undefined> | undefined {
    return this.#running.get(key);
  }

  /**
   * Marks `key` as being computed by the caller, who must land the outcome through the returned function.
   * Landing more than once is harmless (the first outcome counts), so every way out of a computation may land.
   */
  lead(key: string): (outcome: T | undefined) => void {
    let resolve!: (outcome: T | undefined) => void;
    const flight = new Promise<T | undefined>((r) => {
      resolve = r;
    });
    this.#running.set(key, flight);
    let landed = false;
    return (outcome) => {
      if (landed) return;
      landed = true;
      if (this.#running.get(key) === flight) this.#running.delete(key);
      resolve(outcome);
    };
  }

  get size(): number {
    return this.#running.size;
  }
}
