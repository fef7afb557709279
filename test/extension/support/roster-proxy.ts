import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between the browser and a real Roster on loopback: records every request that reaches Roster and
 * Roster's answer to each batch, and can lose one answer (Roster has counted the batch; the browser never
 * hears back), as a dropped connection would.
 */
export interface RosterProxy {
  url: string;
  /** Where requests go; set once Roster listens. */
  target: string;
  requests: { method: string; path: string }[];
  /** Roster's answers to event batches, in order, including an answer that was then lost. */
  batches: { batchId: string; accepted: number; duplicate: boolean }[];
  loseNextBatchAnswer(): void;
  /** While offline, every connection is dropped before it reaches Roster. */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

const readAll = async (stream: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startRosterProxy(): Promise<RosterProxy> {
  let loseNext = false;
  let offline = false;
  const proxy: Omit<RosterProxy, 'url' | 'close'> = {
    target: '',
    requests: [],
    batches: [],
    loseNextBatchAnswer: () => {
      loseNext = true;
    },
    setOffline: (value) => {
      offline = value;
    },
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readAll(req);
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = req.url ?? '/';
    proxy.requests.push({ method: req.method ?? '', path: path.split('?')[0]! });
    const target = new URL(path, proxy.target);
    const upstream = forward(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      async (answer) => {
        const answerBody = await readAll(answer);
        if (
          req.method === 'POST' &&
          target.pathname === '/api/v1/extension/events' &&
          answer.statusCode === 202
        ) {
          const { batchId, accepted, duplicate } = JSON.parse(
            answerBody.toString('utf8'),
          ) as RosterProxy['batches'][number];
          proxy.batches.push({ batchId, accepted, duplicate });
          if (loseNext) {
            loseNext = false;
            req.socket.destroy();
            return;
          }
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(answerBody);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
