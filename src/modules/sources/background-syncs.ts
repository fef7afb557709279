import type { Roster } from '../../roster.js';
import { syncSource } from './sources.service.js';

interface RunningSync {
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Syncs started over the API run in the serving process after the request is answered: a request waits only
 * for the run's row (so a proxy's timeout never cuts a long sync short), and the run's progress and outcome
 * are read from that row (`GET /api/sync-runs/{id}`), as for every other run. Stopping the server cancels
 * them: each ends `cancelled`, having applied nothing.
 */
export class BackgroundSyncs {
  private readonly running = new Set<RunningSync>();

  constructor(
    private readonly roster: Roster,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Starts a sync and resolves with its run id once the run exists. What stops it from starting (an unknown
   * source, a push source, a sync already running) rejects, as the synchronous call would have thrown.
   */
  start(actor: string, ref: string | number): Promise<number> {
    return new Promise((resolve, reject) => {
      let started = false;
      const abort = new AbortController();
      const entry: RunningSync = {
        abort,
        done: syncSource(this.roster, actor, ref, {
          signal: abort.signal,
          onStarted: (runId) => {
            started = true;
            resolve(runId);
          },
        }).then(
          () => undefined,
          (error: unknown) => {
            // The run's own failures are written to its row; this is what failed around it.
            if (started) this.onError(error);
            else reject(error);
          },
        ),
      };
      this.running.add(entry);
      void entry.done.finally(() => this.running.delete(entry));
    });
  }

  /** Cancels every running sync and waits for each to record its end. */
  async stop(): Promise<void> {
    const entries = [...this.running];
    for (const entry of entries) entry.abort.abort();
    await Promise.all(entries.map((entry) => entry.done));
  }
}
