import cliProgress from 'cli-progress';
import type { SyncProgress } from '../sync/engine.js';

/** A progress bar on a terminal; plain lines otherwise (CI logs, pipes). Silent with --json. */
export function syncProgressReporter(
  label: string,
  json: boolean,
): { onProgress: (p: SyncProgress) => void; stop: () => void } {
  if (json) return { onProgress: () => {}, stop: () => {} };
  if (!process.stderr.isTTY) {
    return {
      onProgress: (p) => {
        if (p.phase === 'fetch')
          process.stderr.write(`${label}: fetched page ${p.pages}, ${p.records} records\n`);
        else if (p.phase === 'apply') process.stderr.write(`${label}: applying ${p.records} records\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {phase}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      const total = p.total ?? Math.max(p.done ?? p.records, 1);
      if (!started) {
        bar.start(total, 0, { phase: p.phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(p.done ?? p.records, { phase: p.phase });
    },
    stop: () => started && bar.stop(),
  };
}
