/**
 * Faults a simulated provider can be told to inject, so connector tests exercise what real providers do on
 * a bad day. Every fault is decided here; each simulator only renders it in its provider's own format
 * (Graph's 429 + Retry-After, Google's 403 rateLimitExceeded, Okta's X-Rate-Limit-Reset).
 */
export interface FaultOptions {
  /** The first attempt at every Nth distinct request is throttled; its retry is served. 1 = every page. */
  throttleEvery?: number;
  /** List pages (1-based) that answer a server error. */
  failPages?: number[];
  /** Pages that never answer (the client must time out). */
  timeoutPages?: number[];
  /** Pages whose JSON body is cut off half way. */
  truncatePages?: number[];
  /** Pages whose body trickles in a byte at a time, slower than any client deadline: only a deadline over the body ends them. */
  dripPages?: number[];
  /** Pages whose body grows without end (valid JSON whitespace first): only a cap while reading stops them. */
  hugePages?: number[];
  /** How many times each of the page faults above fires before the page is served; default once. */
  faultTimes?: number;
  /** After this many API calls every token is refused with 401, as if an admin revoked the grant. */
  revokeTokenAfterCalls?: number;
  /** This page's next link points back to itself: a provider bug that would loop forever. */
  repeatPageLink?: number;
  /** The last user of each page is listed again first on the next page, as when the directory changes mid-read. */
  repeatUserAcrossPages?: boolean;
  /**
   * List pages (1-based) whose answer waits until `release()`: a sync paused between two pages, so a test
   * can look at a run (its progress, its lease) or kill its process while it is certainly mid-way.
   */
  holdPages?: number[];
}

/** Faults the simulator server carries out on the connection, whatever the provider. */
export type TransportFault = 'timeout' | 'truncate' | 'drip' | 'huge';
export type Fault = 'throttle' | 'error' | 'revoked' | TransportFault;

export function isTransportFault(fault: Fault | null): fault is TransportFault {
  return fault === 'timeout' || fault === 'truncate' || fault === 'drip' || fault === 'huge';
}

export class FaultInjector {
  private options: FaultOptions = {};
  private calls = 0;
  private readonly distinct = new Map<string, number>();
  private readonly fired = new Map<string, number>();
  private released!: Promise<void>;
  private release_!: () => void;
  private heldNow = 0;
  private readonly heldWaiters: (() => void)[] = [];

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces the fault plan (an empty plan clears every fault) and forgets what already fired. */
  set(options: FaultOptions): void {
    this.release_?.();
    this.options = { ...options };
    this.calls = 0;
    this.distinct.clear();
    this.fired.clear();
    // A page held under the previous plan says nothing about this one: whenHeld() waits for a new hold.
    this.heldNow = 0;
    this.released = new Promise((resolve) => {
      this.release_ = resolve;
    });
  }

  /** What a list page waits for before it is answered: nothing, unless the plan holds it (`holdPages`). */
  holdFor(page: number): Promise<void> | undefined {
    if (!this.options.holdPages?.includes(page)) return undefined;
    this.heldNow += 1;
    for (const wake of this.heldWaiters.splice(0)) wake();
    return this.released;
  }

  /** Resolves once some page is being held (immediately if one already is). */
  whenHeld(): Promise<void> {
    if (this.heldNow > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  /** Answers every held page, and every page the plan would still hold. */
  release(): void {
    this.release_();
  }

  get plan(): Readonly<FaultOptions> {
    return this.options;
  }

  /** API calls seen since the plan was set (token requests excluded). */
  get callCount(): number {
    return this.calls;
  }

  /**
   * The fault for one API call. `key` names the request (path and query) so a retry is recognised; `page` is
   * the 1-based page number for list calls.
   */
  decide(key: string, page?: number): Fault | null {
    this.calls += 1;
    const o = this.options;
    if (o.revokeTokenAfterCalls !== undefined && this.calls > o.revokeTokenAfterCalls) return 'revoked';
    const times = o.faultTimes ?? 1;
    if (page !== undefined) {
      for (const [fault, pages] of [
        ['error', o.failPages],
        ['timeout', o.timeoutPages],
        ['truncate', o.truncatePages],
        ['drip', o.dripPages],
        ['huge', o.hugePages],
      ] as const) {
        // A deadline fault costs a whole timeout: it hits one listing's page, not that page of every listing
        // (a provider read per app would otherwise wait out one deadline per app).
        const id = fault === 'timeout' || fault === 'drip' ? fault : `${fault}:${key}`;
        if (pages?.includes(page) && this.fire(id, times)) return fault;
      }
    }
    if (o.throttleEvery) {
      let index = this.distinct.get(key);
      if (index === undefined) {
        index = this.distinct.size + 1;
        this.distinct.set(key, index);
      }
      if (index % o.throttleEvery === 0 && this.fire(`throttle:${key}`, 1)) return 'throttle';
    }
    return null;
  }

  private fire(id: string, times: number): boolean {
    const count = this.fired.get(id) ?? 0;
    if (count >= times) return false;
    this.fired.set(id, count + 1);
    return true;
  }
}
