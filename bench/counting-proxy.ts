import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that passed through, as the simulator answered it. */
export interface SeenRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  status: number;
  /** Milliseconds from the request's arrival to the provider's answer. */
  ms: number;
}

/**
 * A pass-through HTTP proxy on loopback in front of one simulated provider. The simulators keep no log of
 * who was written to, so the bench counts at the door: every request and the status the provider gave it,
 * while `recording` is on. Roster and the plain-fetch baseline both go through it, so both pay its hop.
 */
export interface CountingProxy {
  url: string;
  recording: boolean;
  readonly seen: SeenRequest[];
  /** Writes (anything but GET) the provider accepted (2xx), by method and path: a key seen twice is a request sent twice. */
  acceptedWrites(): Map<string, number>;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const seen: SeenRequest[] = [];
  const proxy = { recording: false };
  let self = '';
  const server = createServer(async (req, res) => {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = { ...req.headers, host: upstream.host };
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent },
      async (answer) => {
        if (proxy.recording)
          seen.push({
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            headers: req.headers,
            body,
            status: answer.statusCode ?? 0,
            ms: performance.now() - arrived,
          });
        // Page links name the provider's own address; they are moved onto the proxy so paging stays behind it.
        const parts: Buffer[] = [];
        for await (const part of answer) parts.push(part as Buffer);
        const text = Buffer.concat(parts).toString('utf8').replaceAll(upstream.origin, self);
        const headers = { ...answer.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        if (typeof headers.link === 'string') headers.link = headers.link.replaceAll(upstream.origin, self);
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(text);
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error.message));
    });
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  self = url;
  return {
    url,
    get recording() {
      return proxy.recording;
    },
    set recording(on: boolean) {
      proxy.recording = on;
    },
    seen,
    acceptedWrites() {
      const writes = new Map<string, number>();
      for (const r of seen) {
        if (r.method === 'GET' || r.status < 200 || r.status >= 300) continue;
        const key = `${r.method} ${r.path}`;
        writes.set(key, (writes.get(key) ?? 0) + 1);
      }
      return writes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A source config with its API base addresses moved onto the proxy (token endpoints stay direct: their audience is checked). */
export function throughProxy(
  config: Record<string, unknown>,
  simulatorOrigin: string,
  proxy: CountingProxy,
): Record<string, unknown> {
  const moved = { ...config };
  for (const key of ['baseUrl', 'licensingBaseUrl'])
    if (typeof moved[key] === 'string')
      moved[key] = (moved[key] as string).replace(simulatorOrigin, proxy.url);
  return moved;
}
