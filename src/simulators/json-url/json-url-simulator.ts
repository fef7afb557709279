import { randomBytes } from 'node:crypto';
import { isTransportFault } from '../kit/faults.js';
import type { RunningProvider, StartProvider } from '../kit/simulated-provider.js';
import { bearerToken, type SimulatorResponse, startSimulator } from '../kit/simulator-server.js';

/**
 * A custom integration endpoint as a customer would host one: `GET /snapshot` answers the whole app in
 * Roster's snapshot shape to one bearer token, in one answer (no paging). Throttling is 429 with
 * `Retry-After`, failures 500, a revoked token 401: what a plain web service answers.
 */
export const startJsonUrlSimulator: StartProvider = async (options) => {
  let token = randomBytes(20).toString('hex');
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  const snapshot = {
    users: options.directory.people.map((person) => ({
      email: person.email,
      name: person.displayName,
      status: person.accountStatus,
      lastUsedAt: person.lastSignInAt,
    })),
  };
  const running = await startSimulator(
    [
      {
        method: 'GET',
        path: /^\/snapshot$/,
        handle(request): SimulatorResponse {
          if (bearerToken(request) !== token) return { status: 401, json: { error: 'invalid token' } };
          const fault = running.faults.decide(`${request.url.pathname}${request.url.search}`, 1);
          if (fault === 'revoked') return { status: 401, json: { error: 'invalid token' } };
          if (fault === 'throttle') return { status: 429, headers: { 'retry-after': retryAfter } };
          if (fault === 'error') return { status: 500, json: { error: 'internal error' } };
          if (isTransportFault(fault)) return { status: 200, json: snapshot, fault };
          return { status: 200, json: snapshot };
        },
      },
    ],
    { faults: options.faults, port: options.port },
  );
  const provider: RunningProvider = {
    ...running,
    get requests() {
      return running.requests;
    },
    kind: 'json-url',
    source: { config: { app: 'Slack', url: `${running.url}/snapshot` }, credentials: { token } },
    expireTokens() {
      token = randomBytes(20).toString('hex');
    },
  };
  return provider;
};
