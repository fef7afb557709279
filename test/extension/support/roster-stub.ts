import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Roster's extension routes as the contract states them (docs/browser-extension.md), for driving the extension
 * before and apart from the server: connect, config, events (a repeated batchId counts once) and enroll.
 */
export interface StubEvent {
  batchId?: string;
  type: string;
  domain: string;
  email?: string;
  at: string;
}

export interface RosterStub {
  url: string;
  /** Every request Roster received: method, path and whether it carried the extension token. */
  requests: { method: string; path: string }[];
  /** The events counted, batch by batch (a repeated batch adds nothing). */
  counted: StubEvent[];
  /** Every batch received, repeats included. */
  batches: { batchId: string; duplicate: boolean }[];
  /** Last used per `email domain` (the token's person when an event names no address). */
  lastUsed(email: string, domain: string): string | null;
  /** Counts the next batch, then drops the connection before answering: a lost answer. */
  loseNextAnswer(): void;
  close(): Promise<void>;
}

export interface StubOptions {
  person: string;
  orgDomains: string[];
  apps: { app: string; domains: string[] }[];
}

const returnToPattern = /^chrome-extension:\/\/[a-p]{32}\/connected\.html$/;

export async function startRosterStub(options: StubOptions): Promise<RosterStub> {
  const requests: RosterStub['requests'] = [];
  const counted: StubEvent[] = [];
  const batches: RosterStub['batches'] = [];
  const seen = new Set<string>();
  const tokens = new Map<string, string>();
  let loseNext = false;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const personOf = (req: IncomingMessage) =>
    tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://roster');
    requests.push({ method: req.method ?? '', path: url.pathname });
    if (req.method === 'GET' && url.pathname === '/extension/connect') {
      const returnTo = url.searchParams.get('return_to') ?? '';
      if (!returnToPattern.test(returnTo))
        return json(res, 400, { error: 'return_to is not an extension page' });
      const token = `rxt_${randomBytes(16).toString('hex')}`;
      tokens.set(token, options.person);
      const fragment = new URLSearchParams({
        token,
        email: options.person,
        state: url.searchParams.get('state') ?? '',
      });
      res.writeHead(303, { location: `${returnTo}#${fragment}` });
      return res.end();
    }
    const person = personOf(req);
    if (!person) return json(res, 401, { error: 'bad token' });
    if (req.method === 'GET' && url.pathname === '/api/extension/config') {
      return json(res, 200, {
        email: person,
        orgDomains: options.orgDomains,
        apps: options.apps,
        version: '1',
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/extension/events') {
      const batch = JSON.parse(body) as { batchId: string; events: StubEvent[] };
      const bad = batch.events.findIndex(
        (e) => !['visit', 'sign_in', 'sign_up'].includes(e.type) || Number.isNaN(Date.parse(e.at)),
      );
      if (bad >= 0) return json(res, 400, { error: `events[${bad}] is not an event` });
      const duplicate = seen.has(batch.batchId);
      batches.push({ batchId: batch.batchId, duplicate });
      if (!duplicate) {
        seen.add(batch.batchId);
        counted.push(
          ...batch.events.map((e) => ({ ...e, email: e.email ?? person, batchId: batch.batchId })),
        );
      }
      if (loseNext) {
        loseNext = false;
        return req.socket.destroy();
      }
      return json(res, 202, {
        batchId: batch.batchId,
        accepted: duplicate ? 0 : batch.events.length,
        duplicate,
      });
    }
    return json(res, 404, { error: 'not found' });
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    counted,
    batches,
    lastUsed: (email, domain) =>
      counted
        .filter((e) => e.email === email && e.domain === domain && e.type !== 'sign_up')
        .map((e) => e.at)
        .sort()
        .at(-1) ?? null,
    loseNextAnswer: () => {
      loseNext = true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
