import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** The name of the socket a serving Roster opens in its data directory for the CLI on the same machine. */
export const localSocketName = 'roster.sock';

export const localSocketPath = (dataDir: string) => join(dataDir, localSocketName);

/** Connections that arrived over the local socket: their requests are the data directory owner's. */
const localConnections = new WeakSet<object>();

/** Whether a request's connection came through the local socket (see `listenOnLocalSocket`). */
export const isLocalConnection = (socket: object) => localConnections.has(socket);

/**
 * Serves the same routes on a Unix socket in the data directory, beside the TCP address. Only the data
 * directory's owner can open it (mode 0600, created under a umask that never lets it be wider, even for a
 * moment), so a request arriving through it is the owner's: the CLI on this machine, acting as a local admin.
 * A socket left by a server that was killed is replaced: the caller holds the data directory's lock, so no
 * other Roster can be listening on it.
 */
export async function listenOnLocalSocket(app: FastifyInstance, dataDir: string): Promise<Server> {
  const path = localSocketPath(dataDir);
  rmSync(path, { force: true });
  const listener = createServer((socket: Socket) => {
    localConnections.add(socket);
    // The HTTP server parses and routes it exactly as a TCP connection.
    app.server.emit('connection', socket);
  });
  const listening = new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.once('listening', () => {
      listener.off('error', reject);
      resolve();
    });
  });
  // A Unix socket is bound within listen() itself, so the narrow umask covers its creation and nothing else.
  const previousMask = process.umask(0o177);
  try {
    listener.listen(path);
  } finally {
    process.umask(previousMask);
  }
  await listening;
  chmodSync(path, 0o600);
  return listener;
}

/** Stops accepting local connections and removes the socket file. */
export async function closeLocalSocket(listener: Server, dataDir: string): Promise<void> {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  rmSync(localSocketPath(dataDir), { force: true });
}
