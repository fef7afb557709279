import type { FastifyReply } from 'fastify';
import { csvWriter, rowWriter } from '../lib/csv-export.js';

/**
 * Answers with a streamed, formula-safe CSV download. `fill` writes the rows; it is stopped (its `write`
 * rejects and `signal` aborts) as soon as the client goes away or the stream fails, so an abandoned
 * download holds no database connection and no transaction while nobody reads it.
 */
export function sendCsv(
  reply: FastifyReply,
  download: {
    filename: string;
    columns: readonly string[];
    fill: (write: (row: unknown) => Promise<void>, signal: AbortSignal) => Promise<unknown>;
  },
): FastifyReply {
  const csv = csvWriter(download.columns);
  const stop = new AbortController();
  const abort = () => stop.abort();
  reply.raw.once('close', abort);
  csv.once('close', abort);
  csv.once('error', abort);
  download.fill(rowWriter(csv, stop.signal), stop.signal).then(
    () => csv.end(),
    (error: unknown) => {
      if (!stop.signal.aborted) csv.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .send(csv);
}
