import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { claimJob, completeJob, failJob, type Job } from './job-queue.js';

export type JobHandler = (job: Job) => Promise<void>;

export interface JobWorkerOptions {
  database: Database;
  handlers: Record<string, JobHandler>;
  /** Runs before each poll: where periodic work (enqueueing scheduled syncs) hooks in. */
  beforePoll?: () => Promise<void>;
  pollMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Polls the jobs table and runs one job at a time. Several workers (processes) may share a server
 * database; SKIP LOCKED keeps them from taking the same job.
 */
export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: JobWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every job that is due now, then returns how many ran. */
  async drain(): Promise<number> {
    await this.options.beforePoll?.();
    let ran = 0;
    for (;;) {
      if (this.stopped) return ran;
      const job = await claimJob(this.options.database, this.id);
      if (!job) return ran;
      ran++;
      const handler = this.options.handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
        await handler(job);
        await completeJob(this.options.database, job.id);
      } catch (error) {
        this.options.log?.(`job ${job.id} (${job.kind}) failed`, error);
        await failJob(this.options.database, job, error instanceof Error ? error.message : String(error));
      }
    }
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error) => this.options.log?.('job worker poll failed', error))
        .then(() => undefined)
        .finally(() => this.schedule(this.options.pollMs ?? 15_000));
    }, delay);
  }
}
