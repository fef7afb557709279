import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who holds a lease: this process, named so an operator reading a run or job can find it (host and pid),
 * with a random part because a pid is reused after a restart.
 */
export const processLeaseHolder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface LeaseSettings {
  /** How long work stays ours without a sign of life. */
  durationMs: number;
  /** How often the holder renews it; well under `durationMs`. */
  renewEveryMs: number;
}

/** Two minutes, renewed every 30 seconds: a stopped process is noticed within minutes, not hours. */
export const defaultLease: LeaseSettings = { durationMs: 120_000, renewEveryMs: 30_000 };

/**
 * Calls `renew` every `everyMs`, and again soon after each `beat()`, never two at once: a burst of beats
 * while one renewal is in flight costs one more renewal after it, which writes the latest state.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly renew: () => Promise<void>,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    this.timer = setInterval(() => this.beat(), this.everyMs);
    // A lease must never keep a finished command alive.
    this.timer.unref();
  }

  beat(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.pump();
  }

  /** Stops renewing and waits for a renewal in flight, so nothing is written after the caller moves on. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.renew();
      } catch (error) {
        // A failed renewal is retried at the next beat; the lease is only lost once it runs out.
        this.onError(error);
      }
    } while (this.again && !this.stopped);
    this.inFlight = undefined;
  }
}
