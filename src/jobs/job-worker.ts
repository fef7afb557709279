import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { defaultLease, Heartbeat, type LeaseSettings, processLeaseHolder } from '../lib/lease.js';
import {
  claimJob,
  completeJob,
  deferJob,
  failJob,
  type Job,
  JobDeferred,
  renewJobLease,
} from './job-queue.js';

export type JobHandler = (job: Job) => Promise<void>;

/** Whether a worker is polling, as readiness checks report it. */
export type WorkerLiveness = { alive: true; lastSignOfLife: Date } | { alive: false; reason: string };

const defaultPollMs = 15_000;

export interface JobWorkerOptions {
  database: Database;
  handlers: Record<string, JobHandler>;
  /** Runs before each poll: where periodic work (enqueueing scheduled syncs, recovering stopped work) hooks in. */
  beforePoll?: () => Promise<void>;
  pollMs?: number;
  /** How this worker holds the jobs it runs (ROSTER_LEASE_*). */
  lease?: LeaseSettings;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Polls the jobs table and runs one job at a time. Several workers (processes) may share a server
 * database; SKIP LOCKED keeps them from taking the same job, and the lease renewed while a job runs tells
 * the others when this worker has stopped.
 */
export class JobWorker {
  readonly id = `worker-${processLeaseHolder}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private started = false;
  /** When a poll last began or ended; a poll running a long job is itself alive (its job lease is renewed). */
  private lastSignOfLife: Date | undefined;
  private polling = false;
  private polls = 0;
  private wakeAfterPoll = false;

  constructor(private readonly options: JobWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.started = true;
    this.lastSignOfLife = this.now();
    this.schedule(0);
  }

  /**
   * Alive while started, not stopped, and polling or its last poll ended within two poll intervals (and a
   * minute of slack): a broken poll loop stops showing signs of life, however the process otherwise runs.
   */
  liveness(now = this.now()): WorkerLiveness {
    if (!this.started) return { alive: false, reason: 'the job worker was not started' };
    if (this.stopped) return { alive: false, reason: 'the job worker was stopped' };
    const last = this.lastSignOfLife ?? now;
    const limitMs = 2 * (this.options.pollMs ?? defaultPollMs) + 60_000;
    if (!this.polling && now.getTime() - last.getTime() > limitMs)
      return { alive: false, reason: `the job worker has shown no sign of life since ${last.toISOString()}` };
    return { alive: true, lastSignOfLife: last };
  }

  /** Polls finished since the worker was made: something to wait on, for whoever needs a poll to have run. */
  get completedPolls(): number {
    return this.polls;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every job that is due now, then returns how many ran. */
  async drain(): Promise<number> {
    await this.options.beforePoll?.();
    const { database } = this.options;
    const lease = this.options.lease ?? defaultLease;
    const now = this.options.now ?? (() => new Date());
    let ran = 0;
    for (;;) {
      if (this.stopped) return ran;
      const job = await claimJob(database, this.id, now(), lease.durationMs);
      if (!job) return ran;
      ran++;
      const heartbeat = new Heartbeat(
        async () => {
          if (!(await renewJobLease(database, job, now(), lease.durationMs)))
            this.options.log?.(`job ${job.id} (${job.kind}) was requeued by another process while it ran`);
        },
        lease.renewEveryMs,
        (error) => this.options.log?.(`could not renew the lease of job ${job.id}`, error),
      );
      heartbeat.start();
      const handler = this.options.handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
        await handler(job);
        await heartbeat.stop();
        await completeJob(database, job, now());
      } catch (error) {
        await heartbeat.stop();
        if (error instanceof JobDeferred) {
          await deferJob(database, job, error.until, error.message);
          continue;
        }
        this.options.log?.(`job ${job.id} (${job.kind}) failed`, error);
        await failJob(database, job, error instanceof Error ? error.message : String(error), now());
      }
    }
  }

  /** Polls now instead of at the next interval (new work was just queued); a poll in progress finishes first. */
  wake(): void {
    if (this.stopped || !this.started) return;
    if (this.polling) {
      this.wakeAfterPoll = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = true;
      this.lastSignOfLife = this.now();
      this.running = this.drain()
        .catch((error) => this.options.log?.('job worker poll failed', error))
        .then(() => undefined)
        .finally(() => {
          this.polling = false;
          this.polls++;
          this.lastSignOfLife = this.now();
          const again = this.wakeAfterPoll;
          this.wakeAfterPoll = false;
          this.schedule(again ? 0 : (this.options.pollMs ?? defaultPollMs));
        });
    }, delay);
  }
}
